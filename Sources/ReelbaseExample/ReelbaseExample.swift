import ArgumentParser
import Foundation
import PostgresNIO
import Reelbase

/// `reelbase-example`: the client library end to end against a running reelbase database
/// (the demo cluster of scripts/demo.sh --keep, or the test cluster).
///
/// 1. As an administrator it finds or creates a demo creator, student and video.
/// 2. As the student (withIdentity) it watches the video: a watch session with progress, and
///    the matching analytics events through learning.track_video_event.
/// 3. It prints the student's watch-time figures, read from the primary (its own writes) and
///    from a replica if one is given.
@main
struct ReelbaseExample: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reelbase-example",
    abstract: "Uses the reelbase client library end to end against a running database.",
    discussion: """
      Connection settings come from libpq's variables (PGHOST, PGPORT, PGUSER, PGDATABASE, \
      PGPASSWORD) unless given as options. Against the demo cluster:
        PGHOST=/tmp/reelbase-cluster-55433 PGPORT=55433 PGDATABASE=reelbase_demo \\
          swift run reelbase-example
      """)

  @Option(help: "Server host or unix socket directory (default: $PGHOST).")
  var host: String?

  @Option(help: "Server port (default: $PGPORT or 5432).")
  var port: Int?

  @Option(help: "Database (default: $PGDATABASE).")
  var database: String?

  @Option(help: "Role that sets up the demo rows: a superuser or a role granted reelbase_admin (default: $PGUSER).")
  var adminUser: String?

  @Option(help: "Role the student's work runs as: one granted reelbase_app (default: the admin user).")
  var appUser: String?

  @Option(help: "Port of a streaming replica, for the replica read (optional).")
  var replicaPort: Int?

  @Option(help: "Host of the replica (default: the primary's host; 127.0.0.1 when that is a socket directory).")
  var replicaHost: String?

  @Option(help: "Seconds of video the student watches in this run.")
  var watchSeconds: Int = 1800

  func run() async throws {
    let admin = ReelbaseConfiguration(primary: try endpoint(user: adminUser))
    let demo = try await ReelbaseClient.withClient(configuration: admin) { client in
      try await DemoRows.findOrCreate(client)
    }
    print("creator \(demo.creator.id) \(demo.creator.name ?? "")")
    print("student \(demo.student.id) \(demo.student.name ?? "")")
    print("video   \(demo.video.id) \"\(demo.video.title)\" (\(demo.video.durationSeconds ?? 0) s)")

    var app = ReelbaseConfiguration(primary: try endpoint(user: appUser ?? adminUser))
    if let replicaPort {
      let primaryHost = host ?? ProcessInfo.processInfo.environment["PGHOST"] ?? "localhost"
      let replicaHost = replicaHost ?? (primaryHost.hasPrefix("/") ? "127.0.0.1" : primaryHost)
      app.replicas = [try endpoint(user: appUser ?? adminUser, host: replicaHost, port: replicaPort)]
    }
    try await ReelbaseClient.withClient(configuration: app) { client in
      let eventIDs = try await watch(client, demo)
      print("tracked \(eventIDs.count) events as the student: \(eventIDs.map(\.uuidString).joined(separator: ", "))")
      try await report(client, demo)
    }
  }

  /// The student's viewing, in one transaction under the student's identity.
  func watch(_ client: ReelbaseClient, _ demo: DemoRows) async throws -> [UUID] {
    let duration = max(demo.video.durationSeconds ?? 3600, 1)
    let watched = min(max(watchSeconds, 0), duration)
    let percent = watched * 100 / duration
    return try await client.withIdentity(demo.student.id) { tx in
      let session = try await tx.insert(WatchSession {
        $0.videoID = demo.video.id; $0.studentID = demo.student.id; $0.deviceType = .desktop
        $0.referrerType = .coursePage; $0.metadata = ["playback_speed": 1.25]
      })
      var ids = [
        try await tx.trackVideoEvent(
          eventType: .videoStarted, videoID: demo.video.id, creatorID: demo.creator.id,
          studentID: demo.student.id)
      ]
      try await tx.recordWatchProgress(
        sessionID: session.id, watchTimeSeconds: watched, percentComplete: percent, sessionEnd: Date())
      ids.append(
        try await tx.trackVideoEvent(
          eventType: .videoProgress, videoID: demo.video.id, creatorID: demo.creator.id,
          studentID: demo.student.id,
          metadata: .videoProgress(
            VideoProgressMetadata(percentComplete: percent, watchTimeSeconds: watched, sessionID: session.id))))
      if percent >= 90 {
        ids.append(
          try await tx.trackVideoEvent(
            eventType: .videoCompleted, videoID: demo.video.id, creatorID: demo.creator.id,
            studentID: demo.student.id))
      }
      return ids
    }
  }

  /// The watch-time figures, as the student sees them.
  func report(_ client: ReelbaseClient, _ demo: DemoRows) async throws {
    let (total, highest, completed, sessions) = try await client.withIdentity(demo.student.id) { tx in
      (try await tx.getStudentTotalWatchTime(studentID: demo.student.id, videoID: demo.video.id),
       try await tx.getStudentHighestCompletion(studentID: demo.student.id, videoID: demo.video.id),
       try await tx.hasStudentCompletedVideo(studentID: demo.student.id, videoID: demo.video.id),
       try await tx.fetch(
         WatchSession.self, where: "student_id = \(demo.student.id) AND video_id = \(demo.video.id)").count)
    }
    print("watch sessions:        \(sessions)")
    print("total watch time:      \(total) s (\(total / 60) min)")
    print("highest completion:    \(highest)%")
    print("completed the video:   \(completed ? "yes" : "no")")
    if replicaPort != nil {
      let onReplica = try await client.withIdentity(demo.student.id, on: .replica) { tx in
        (tx.isOnReplica, try await tx.getStudentTotalWatchTime(studentID: demo.student.id, videoID: demo.video.id))
      }
      print("total on the \(onReplica.0 ? "replica" : "primary (replica unavailable)"): \(onReplica.1) s (may lag the primary)")
    }
  }

  func endpoint(user: String?, host: String? = nil, port: Int? = nil) throws
    -> PostgresClient.Configuration
  {
    var config = try PostgresClient.Configuration.libpqEnvironment(
      host: host ?? self.host, port: port ?? self.port, username: user, database: database)
    config.options.connectTimeout = .seconds(5)
    return config
  }
}
