/// The Common Expression Language: parsing, checking and evaluating CEL expressions.
public enum CEL {}
