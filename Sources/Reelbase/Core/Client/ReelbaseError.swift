/// An error from a reelbase call, with a stable ``Code`` a caller can switch on.
///
/// Server errors keep what the server said: its SQLSTATE, message, detail, hint and, for
/// constraint violations, the constraint. The code is derived from the SQLSTATE only (see
/// ``Code``), never from the message text, so it stays stable when a message is reworded.
///
/// ```swift
/// do {
///   try await tx.trackVideoEvent(eventType: .videoStarted, videoID: v, creatorID: c, studentID: s)
/// } catch let error as ReelbaseError where error.code == .notFound {
///   // the video, student, course or module does not exist (or is hidden by RLS)
/// }
/// ```
public struct ReelbaseError: Error, Sendable, CustomStringConvertible {
  /// What kind of failure this is.
  public var code: Code
  /// The server's five-character SQLSTATE, when the server raised the error.
  public var sqlState: String?
  /// The server's primary message, or a description of a client-side failure.
  public var message: String
  /// The server's DETAIL line, if any.
  public var detail: String?
  /// The server's HINT line, if any.
  public var hint: String?
  /// The constraint a violation names (for 23xxx errors), if any.
  public var constraintName: String?
  /// The error this one was made from (a `PSQLError`, a decoding error, ...), if any.
  public var underlying: (any Error)?

  /// Makes an error.
  /// - Parameters:
  ///   - code: The stable code.
  ///   - message: The message.
  ///   - sqlState: The SQLSTATE, when the server raised it.
  ///   - detail: The DETAIL line.
  ///   - hint: The HINT line.
  ///   - constraintName: The violated constraint.
  ///   - underlying: The original error.
  public init(
    _ code: Code, _ message: String, sqlState: String? = nil, detail: String? = nil,
    hint: String? = nil, constraintName: String? = nil, underlying: (any Error)? = nil
  ) {
    self.code = code
    self.message = message
    self.sqlState = sqlState
    self.detail = detail
    self.hint = hint
    self.constraintName = constraintName
    self.underlying = underlying
  }

  /// True for either sales cap of a market purchase (``Code/marketCapReached``,
  /// ``Code/globalCapReached``): the unit is sold out, retrying will not help.
  public var isCapReached: Bool { code == .marketCapReached || code == .globalCapReached }

  /// True when running the same call again may succeed: serialization failures and deadlocks
  /// (40001, 40P01), lock timeouts (55P03) and lost connections.
  public var isRetryable: Bool {
    switch sqlState {
    case "40001", "40P01", "55P03": return true
    default: return code == .unavailable
    }
  }

  /// `code: message`, then the SQLSTATE, detail and hint when present.
  public var description: String {
    var text = "\(code): \(message)"
    if let sqlState { text += " (SQLSTATE \(sqlState))" }
    if let detail { text += "\nDETAIL: \(detail)" }
    if let hint { text += "\nHINT: \(hint)" }
    return text
  }
}

extension ReelbaseError {
  /// The stable kinds of ``ReelbaseError``. A struct rather than an enum (like PostgresNIO's
  /// `PSQLError.Code`) so that new codes can be added without breaking a caller's `switch`;
  /// switch over the ones you handle and keep a `default`.
  ///
  /// | code | SQLSTATEs |
  /// | --- | --- |
  /// | ``invalidInput`` | 22004 null argument, 22023 invalid parameter, other class 22 (data exception), 23502 NOT NULL, 23514 CHECK, 42883/42804 wrong argument types, 42809 wrong kind of table, 42622 name too long |
  /// | ``outOfRange`` | 22003 numeric value out of range (e.g. a watch-time total past `integer`) |
  /// | ``notFound`` | 23503 a referenced row does not exist (or is hidden by row-level security), P0002, 42P01 undefined table |
  /// | ``duplicate`` | 23505 unique violation, 42P07 a table of that name exists |
  /// | ``conflict`` | 40001 serialization failure, 40P01 deadlock, 55P03 lock not available, 23P01 exclusion; retryable, see ``ReelbaseError/isRetryable`` |
  /// | ``invalidState`` | 55000 object not in prerequisite state (a soft-deleted video), 42P17 the table's partitions forbid it |
  /// | ``permissionDenied`` | 42501 privilege or row-level security, class 28 authorization |
  /// | ``listingNotActive`` | RB001 a market listing is expired, archived, outside its 72-hour window, or its concept is archived |
  /// | ``marketCapReached`` | RB002 a market listing sold its per-market cap |
  /// | ``globalCapReached`` | RB003 a concept sold its global cap across all markets |
  /// | ``cancelled`` | 57014 statement cancelled or timed out |
  /// | ``unavailable`` | no connection: refused, lost, class 08, 57P01-57P03, pool closed |
  /// | ``unexpectedResponse`` | a row that does not decode into the model (a client/server version mismatch) |
  /// | ``misuse`` | the client was used wrongly, e.g. a transaction used after its body returned |
  /// | ``serverError`` | any other server error; ``ReelbaseError/sqlState`` says which |
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    private let name: String
    private init(_ name: String) { self.name = name }

    /// An argument or value the server rejected as invalid.
    public static let invalidInput = Code("invalidInput")
    /// A number does not fit its type or range.
    public static let outOfRange = Code("outOfRange")
    /// A row the call refers to does not exist, or is hidden from the caller.
    public static let notFound = Code("notFound")
    /// A row with the same unique key already exists.
    public static let duplicate = Code("duplicate")
    /// A concurrent transaction got in the way; the call can be retried.
    public static let conflict = Code("conflict")
    /// The row exists but its state forbids the operation (e.g. the video is deleted).
    public static let invalidState = Code("invalidState")
    /// The caller's role or identity may not do this.
    public static let permissionDenied = Code("permissionDenied")
    /// A purchase found the listing not on sale: expired, archived, the time is outside its
    /// 72-hour window, or its concept is archived (`market.purchase_listing`, SQLSTATE RB001).
    public static let listingNotActive = Code("listingNotActive")
    /// A purchase found the listing's per-market cap reached (SQLSTATE RB002): it is sold
    /// out in this market.
    public static let marketCapReached = Code("marketCapReached")
    /// A purchase found the concept's global cap reached (SQLSTATE RB003): it is sold out
    /// in every market.
    public static let globalCapReached = Code("globalCapReached")
    /// The statement was cancelled or hit `statement_timeout`.
    public static let cancelled = Code("cancelled")
    /// The database could not be reached or the connection was lost.
    public static let unavailable = Code("unavailable")
    /// The server answered with something the client cannot decode.
    public static let unexpectedResponse = Code("unexpectedResponse")
    /// The client was used in a way it does not allow.
    public static let misuse = Code("misuse")
    /// Any other server error.
    public static let serverError = Code("serverError")

    /// The code's name, e.g. `notFound`.
    public var description: String { name }
  }
}
