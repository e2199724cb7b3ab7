// TextAnalyser module.
