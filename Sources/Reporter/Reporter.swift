// Reporter module.
