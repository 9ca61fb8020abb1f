/// Formats in and out of Kolektor: import files, bank statements and payment strings.
public enum Interchange {}
