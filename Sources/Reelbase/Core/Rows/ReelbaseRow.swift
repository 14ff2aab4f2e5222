import PostgresNIO

/// A row of a table, a view or a function's result, decoded by column name.
///
/// A model is its stored properties: each reads the column its name stands for
/// (``columnName(_:)``), in any order, with the property's type (any `PostgresDecodable`:
/// `UUID`, `String`, `Date`, arrays, ``JSONValue``, a ``StringBackedValue``, a `Codable`
/// JSON type). An optional property is nil for NULL or when the result has no such column;
/// a missing column, a NULL or a type the column does not decode as, for any other
/// property, is a ``ReelbaseError`` (``ReelbaseError/Code/unexpectedResponse``) naming it.
public protocol ReelbaseRow: Decodable, Sendable {
  /// Decodes one row.
  /// - Parameters:
  ///   - row: The row.
  ///   - context: What it is, for error messages (a table or function name).
  /// - Throws: ``ReelbaseError``.
  init(row: PostgresRow, context: String) throws
}

extension ReelbaseRow {
  public init(row: PostgresRow, context: String) throws {
    try self.init(from: RowDecoder(row: PostgresRandomAccessRow(row), context: context))
  }

  /// The columns the model reads, in property order, derived from its `Decodable`
  /// conformance (a SELECT list never has to be typed again).
  public static var columns: [String] { ColumnRecorder.columns(of: Self.self) }
}

/// A table or view the client reads (and, for tables, writes) through its model with
/// ``ReelbaseQueryable/fetch(_:where:orderBy:limit:readFrom:)``,
/// ``ReelbaseQueryable/insert(_:only:)`` and ``ReelbaseQueryable/update(_:only:)``.
///
/// A model has a default for every property and a `public init() {}`, so a new row is
/// `Creator { $0.email = "a@example.com" }`: defaults are the column defaults.
public protocol ReelbaseTable: ReelbaseRow, Encodable {
  /// The table, schema-qualified (`learning.videos`).
  static var tableName: String { get }
  /// The key ``ReelbaseQueryable/update(_:only:)`` finds the row by; `id` unless said.
  static var primaryKey: [String] { get }
  /// Columns the server fills (timestamps, counters, generated columns), never sent on
  /// insert or update; `created_at` and `updated_at` unless said.
  static var serverColumns: Set<String> { get }
  /// SQL that reads a column as the property's type, for types the client cannot decode
  /// (`["parent": "parent::text"]` for a `regclass`); none unless said.
  static var columnExpressions: [String: String] { get }
  /// A row with every column at its default.
  init()
}

extension ReelbaseTable {
  public static var primaryKey: [String] { ["id"] }
  public static var serverColumns: Set<String> { ["created_at", "updated_at"] }
  public static var columnExpressions: [String: String] { [:] }

  /// The SELECT (and RETURNING) list: every column, through its expression where it has one.
  static var selectList: String {
    columns.map { column in columnExpressions[column].map { "\($0) AS \(column)" } ?? column }
      .joined(separator: ", ")
  }

  /// A row with every column at its default, then changed by `set`.
  /// - Parameter set: Sets the columns that differ from their defaults.
  public init(_ set: (inout Self) throws -> Void) rethrows {
    self.init()
    try set(&self)
  }
}
