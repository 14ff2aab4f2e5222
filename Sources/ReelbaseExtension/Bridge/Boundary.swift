import CPostgres

/// The body of every `@_cdecl` entry point: runs the Swift implementation and converts any
/// thrown error into the shim's pending error, so the C entry point raises it after this frame
/// has returned. Nothing here can trap or longjmp.
enum Boundary {
  /// - Parameters:
  ///   - call: the FunctionCallInfo handed to the C entry point.
  ///   - body: returns the result Datum, or nil for SQL NULL.
  /// - Returns: the Datum for the C entry point to return (ignored when an error is pending).
  static func run(_ call: RbCallRef?, _ body: (FunctionCall) throws -> RbDatum?) -> RbDatum {
    guard let call else {
      PGError.internalError("called without a FunctionCallInfo").record()
      return 0
    }
    do {
      guard let result = try body(FunctionCall(ref: call)) else {
        return rb_return_null(call)
      }
      return result
    } catch let error as PGError {
      if !error.fromServer { error.record() }
      return 0
    } catch {
      PGError.internalError("unexpected error \(error)").record()
      return 0
    }
  }
}
