import Foundation
import PostgresNIO

/// The factory functions. `slugify`, `checkScoringWeights` and `evaluateABTest` run as the
/// caller (inside ``ReelbaseClient/withIdentity(_:on:level:_:)`` for `reelbase_app`; a test the
/// caller cannot see is missing); the generation queue is the pipeline's, granted to
/// `reelbase_admin` only (`reelbase_app` gets ``ReelbaseError/Code/permissionDenied``, 42501).
extension ReelbaseQueryable {
  /// `factory.slugify`: the slug a dossier named `name` gets, with `-suffix` when `suffix` > 1,
  /// within 100 bytes; "" when the name has no letter or digit.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidInput`` (22023) for a suffix below 1.
  public func slugify(_ name: String, suffix: Int = 1, readFrom: ReadPreference = .replica) async throws -> String {
    try await required("factory.slugify", ["name": name, "suffix": try integerArgument(suffix)], .read(readFrom))
  }

  /// `factory.check_scoring_weights`: returns `weights` if it is an object of known metrics
  /// (engagement, ctr, conversions) to finite numbers from 0 to 1 summing to 1 within 1e-9.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidInput`` (22023) naming the first
  ///   offending key, in key order, or the sum.
  @discardableResult
  public func checkScoringWeights(_ weights: JSONValue, readFrom: ReadPreference = .replica) async throws
    -> JSONValue
  {
    try await required("factory.check_scoring_weights", ["weights": weights], .read(readFrom))
  }

  /// `factory.claim_generation_jobs`: up to `max` of the oldest pending images or videos, moved
  /// to generating with `metadata.claimed_by = worker`; concurrent claimers never get the same
  /// row. Empty when none is pending.
  /// - Parameter max: 1 to 1000.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidInput`` (22023) for an empty
  ///   worker or `max` out of range.
  public func claimGenerationJobs(kind: GenerationKind, worker: String, max: Int = 1) async throws
    -> [GenerationJob]
  {
    try await call(
      "factory.claim_generation_jobs", ["kind": kind, "worker": worker, "max_jobs": try integerArgument(max)])
  }

  /// `factory.complete_generation`: a claimed row becomes completed, with `url` as its
  /// `image_url` or `video_url` and `metadata` merged into its own.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidState`` (55000) when the row is
  ///   not generating under `worker` (including a row already finished);
  ///   ``ReelbaseError/Code/invalidInput`` (22023) for an empty URL.
  public func completeGeneration(
    kind: GenerationKind, id: UUID, worker: String, url: String, metadata: JSONValue? = nil
  ) async throws {
    try await perform(
      "factory.complete_generation", ["kind": kind, "id": id, "worker": worker, "url": url, "metadata": metadata])
  }

  /// `factory.fail_generation`: a claimed row becomes failed, with `metadata.error` and
  /// `failed_at`. Final: the flow has no way back to pending.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidState`` (55000) when the row is
  ///   not generating under `worker`.
  public func failGeneration(kind: GenerationKind, id: UUID, worker: String, error: String) async throws {
    try await perform("factory.fail_generation", ["kind": kind, "id": id, "worker": worker, "error": error])
  }

  /// `factory.evaluate_ab_test`: one row per variant, in variant order. Two variants: the
  /// pooled two-sided z-test (positive when the second is higher); more: the chi-square test of
  /// independence. When p < 1 - `confidence`, the test is completed in this transaction, its
  /// winner the best rate (ties to the first) and its confidence `confidence` to two decimals;
  /// otherwise nothing changes.
  /// - Parameters:
  ///   - metric: Conversions by default.
  ///   - confidence: Strictly between 0 and 1; 0.95 by default.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/notFound`` (P0002) for a test that does
  ///   not exist or is hidden; ``ReelbaseError/Code/invalidState`` (55000) for a completed or
  ///   cancelled one; ``ReelbaseError/Code/invalidInput`` (22023) for a bad confidence, a
  ///   variant that is not a published content of the test's dossier, one without trials, or
  ///   more engagements than views.
  @discardableResult
  public func evaluateABTest(testID: UUID, metric: ABTestMetric? = nil, confidence: Double? = nil) async throws
    -> [ABTestVariantResult]
  {
    try await call(
      "factory.evaluate_ab_test", ["test_id": testID, "metric": metric, "confidence_level": confidence])
  }
}

/// A row handed out by ``ReelbaseQueryable/claimGenerationJobs(kind:worker:max:)``: what the
/// worker needs to generate it.
public struct GenerationJob: ReelbaseRow, Hashable, Identifiable {
  /// The ``GeneratedImage`` or ``GeneratedVideo``.
  public var id: UUID
  public var dossierID: UUID
  /// The image's or video's type (``GeneratedImageType``, ``GeneratedVideoType``).
  public var type: String
  public var prompt: String
  public var model: String?
  public var createdAt: Date?
}

/// One variant's row of ``ReelbaseQueryable/evaluateABTest(testID:metric:confidence:)``, with
/// the test's figures repeated on every row.
public struct ABTestVariantResult: ReelbaseRow, Hashable {
  /// 1-based, in `variants` order.
  public var variant: Int
  public var label: String?
  public var publishedContentID: UUID
  public var successes: Int64
  public var trials: Int64
  public var rate: Double
  /// The Wilson interval at the confidence level.
  public var intervalLower: Double
  public var intervalUpper: Double
  /// `two_proportion_z` or `chi_square`.
  public var test: String
  /// z, or chi-square.
  public var statistic: Double
  /// 1 for the z-test, one less than the variants for chi-square.
  public var degreesOfFreedom: Int
  public var pValue: Double
  public var significant: Bool
  /// True on the winner's row when significant.
  public var winner: Bool
}
