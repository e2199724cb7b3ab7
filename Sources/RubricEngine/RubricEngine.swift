// RubricEngine module.
