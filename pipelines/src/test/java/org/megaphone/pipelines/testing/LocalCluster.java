package org.megaphone.pipelines.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Flink session cluster for integration tests, started and stopped with the project's own
 * script ({@code ./megaphone cluster}), on 127.0.0.1 and a free port, its folder under target/.
 */
public final class LocalCluster implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path LAUNCHER = Paths.get("..", "megaphone").toAbsolutePath().normalize();

  /** The shaded jar the cluster runs (built by the package phase, before integration tests). */
  static final Path JAR = Paths.get("target", "megaphone.jar").toAbsolutePath();

  final Path dir;
  final int port;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private LocalCluster(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  public static LocalCluster start(Path dir, int taskManagers, int slots)
      throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    LocalCluster cluster = new LocalCluster(dir, port);
    cluster.script("start", "--port=" + port, "--taskmanagers=" + taskManagers, "--slots=" + slots);
    return cluster;
  }

  /**
   * Runs {@code megaphone cluster <command>} for this cluster's folder; fails on a non-zero exit.
   */
  public void script(String command, String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(List.of(LAUNCHER.toString(), "cluster", command, "--dir=" + dir));
    cmd.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
    // The TaskManagers find the test store's credentials where a real cluster's find theirs.
    builder.environment().putAll(S3Store.environment());
    Process p = builder.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("megaphone cluster " + command + " failed:\n" + output);
    }
  }

  String master() {
    return "127.0.0.1:" + port;
  }

  /** Options that send a job to this cluster. */
  public List<String> runnerArgs(int parallelism) {
    return List.of(
        "--runner=FlinkRunner",
        "--flinkMaster=" + master(),
        "--parallelism=" + parallelism,
        "--filesToStage=" + JAR);
  }

  public JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://" + master() + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }

  JsonNode post(String path, String body) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://" + master() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }

  /** Stops a job with a savepoint into the folder and returns the savepoint's location. */
  public String stopWithSavepoint(String job, Path folder, int seconds) throws Exception {
    String request =
        post(
                "/jobs/" + job + "/stop",
                "{\"drain\":false,\"targetDirectory\":\"" + folder.toUri() + "\"}")
            .path("request-id")
            .asText();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonNode status = get("/jobs/" + job + "/savepoints/" + request);
      if (status.path("status").path("id").asText().equals("COMPLETED")) {
        if (!status.path("operation").has("location")) {
          throw new AssertionError("stop-with-savepoint failed: " + status);
        }
        return status.path("operation").path("location").asText();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no savepoint within " + seconds + " s");
  }

  public void cancel(String job) throws IOException, InterruptedException {
    http.send(
        HttpRequest.newBuilder(URI.create("http://" + master() + "/jobs/" + job + "?mode=cancel"))
            .method("PATCH", HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  /** The id of the only job in the given state, waiting for it within the bound. */
  public String awaitJob(String status, int seconds) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (JsonNode job : get("/jobs").path("jobs")) {
        if (job.path("status").asText().equals(status)) {
          return job.path("id").asText();
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no " + status + " job within " + seconds + " s: " + get("/jobs"));
  }

  public long completedCheckpoints(String job) throws IOException, InterruptedException {
    return get("/jobs/" + job + "/checkpoints").path("counts").path("completed").asLong();
  }

  /** SIGKILLs a TaskManager this cluster started (1-based, as in its pid file). */
  public void killTaskManager(int n) throws IOException, InterruptedException {
    long pid =
        Long.parseLong(
            Files.readString(dir.resolve("pids").resolve("taskmanager-" + n + ".pid")).trim());
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
  }

  @Override
  public void close() throws Exception {
    script("stop");
  }
}
