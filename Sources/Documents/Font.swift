/// A font for text on a `Canvas`: family, size in typographic points and weight.
///
/// The default family is DejaVu Sans (Debian package fonts-dejavu-core), which covers Czech diacritics and is
/// embedded into PDFs as a subset. Fontconfig substitutes another font when the family is not installed.
public struct Font: Sendable, Equatable {
    public enum Weight: Sendable, Equatable {
        case regular
        case bold
    }

    public var family: String
    /// Size in points (1/72 inch).
    public var size: Double
    public var weight: Weight

    public init(family: String = Font.defaultFamily, size: Double, weight: Weight = .regular) {
        self.family = family
        self.size = size
        self.weight = weight
    }

    public static let defaultFamily = "DejaVu Sans"

    /// The size in millimetres, the unit of `Canvas` coordinates.
    var sizeInMillimetres: Double { size * Length.millimetresPerPoint }
}

/// Conversions between the units documents are measured in.
public enum Length {
    public static let millimetresPerInch = 25.4
    public static let pointsPerInch = 72.0
    public static let millimetresPerPoint = millimetresPerInch / pointsPerInch

    /// Typographic points (the unit of PDF pages and font sizes) in `millimetres`.
    public static func points(millimetres: Double) -> Double {
        millimetres / millimetresPerPoint
    }
}
