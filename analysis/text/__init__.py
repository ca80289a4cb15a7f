"""The text layer: bytes to text (reader), page lines (layout), and the primitives every matcher shares:
normalisation, tokens with offsets, sentences, stems, clitics, stopwords, numerals, page dates."""
