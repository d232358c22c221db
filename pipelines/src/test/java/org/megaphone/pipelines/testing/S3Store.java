package org.megaphone.pipelines.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real S3-compatible store for integration tests: Adobe's S3Mock (a Spring Boot server, copied to
 * target/s3mock/ by the build) in a child JVM on 127.0.0.1 and a free port, its objects in a folder
 * of the test's. The test reads and writes objects over plain HTTP (S3Mock does not check
 * signatures), independently of the code under test, which goes through Beam's S3 file system.
 */
public final class S3Store implements AutoCloseable {
  /** The bucket every test uses. */
  public static final String BUCKET = "megaphone";

  /** Credentials the AWS default chain finds (S3Mock accepts any); never a real secret. */
  public static final String ACCESS_KEY = "megaphone-test-key";

  public static final String SECRET_KEY = "megaphone-test-secret-4f1c";

  static final Path JAR = Paths.get("target", "s3mock", "s3mock.jar").toAbsolutePath();

  private final int port;
  private final Process process;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private S3Store(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  /**
   * Starts the store with {@link #BUCKET} and waits (at most a minute) until it answers. Sets the
   * credentials as system properties, where the driver's AWS default chain finds them.
   */
  public static S3Store start(Path dir) throws IOException, InterruptedException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: run the build (generate-test-resources)");
    }
    Files.createDirectories(dir.resolve("objects"));
    int port = freePort();
    int https = freePort();
    Process process =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-jar",
                JAR.toString(),
                "--server.address=127.0.0.1",
                "--server.port=" + https,
                "--com.adobe.testing.s3mock.http-port=" + port,
                "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                "--com.adobe.testing.s3mock.store.root=" + dir.resolve("objects"),
                "--spring.main.banner-mode=off")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("s3mock.log").toFile())
            .start();
    S3Store store = new S3Store(port, process);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        if (store
                .http
                .send(
                    HttpRequest.newBuilder(URI.create(store.endpoint() + "/")).GET().build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          break;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (!process.isAlive() || System.nanoTime() > deadline) {
        store.close();
        throw new IllegalStateException(
            "S3Mock did not start: " + Files.readString(dir.resolve("s3mock.log")));
      }
      Thread.sleep(250);
    }
    System.setProperty("aws.accessKeyId", ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", SECRET_KEY);
    return store;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** The options that point a run at this store. */
  public List<String> options() {
    return List.of("--awsRegion=us-east-1", "--endpoint=" + endpoint(), "--s3PathStyle=true");
  }

  /** The environment a separate process (a Flink TaskManager) needs to reach the store. */
  public static Map<String, String> environment() {
    return Map.of(
        "AWS_ACCESS_KEY_ID", ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY", SECRET_KEY,
        "AWS_REGION", "us-east-1");
  }

  /** {@code s3://megaphone/<key>}. */
  public static String url(String key) {
    return "s3://" + BUCKET + "/" + key;
  }

  private URI uri(String key) {
    StringBuilder path = new StringBuilder();
    for (String segment : key.split("/", -1)) {
      path.append('/')
          .append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return URI.create(endpoint() + "/" + BUCKET + path);
  }

  public void put(String key, byte[] bytes) throws IOException, InterruptedException {
    HttpResponse<Void> r =
        http.send(
            HttpRequest.newBuilder(uri(key))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    if (r.statusCode() != 200) {
      throw new IOException("PUT " + key + ": " + r.statusCode());
    }
  }

  /** Copies the files of a local folder (recursively) below the prefix. */
  public void upload(Path folder, String prefix) throws IOException, InterruptedException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        put(
            prefix + "/" + folder.relativize(f).toString().replace('\\', '/'),
            Files.readAllBytes(f));
      }
    }
  }

  /** The object's bytes, or null when there is none. */
  public byte[] get(String key) throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(uri(key)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() == 404) {
      return null;
    }
    if (r.statusCode() != 200) {
      throw new IOException("GET " + key + ": " + r.statusCode());
    }
    return r.body();
  }

  public String getString(String key) throws IOException, InterruptedException {
    byte[] b = get(key);
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  /** The keys below the prefix, in order. */
  public List<String> keys(String prefix) throws IOException, InterruptedException {
    List<String> keys = new ArrayList<>();
    String token = null;
    Pattern key = Pattern.compile("<Key>([^<]*)</Key>");
    Pattern next = Pattern.compile("<NextContinuationToken>([^<]*)</NextContinuationToken>");
    do {
      String query =
          "list-type=2&prefix="
              + URLEncoder.encode(prefix, StandardCharsets.UTF_8)
              + (token == null
                  ? ""
                  : "&continuation-token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(endpoint() + "/" + BUCKET + "?" + query))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IOException("LIST " + prefix + ": " + r.statusCode());
      }
      Matcher m = key.matcher(r.body());
      while (m.find()) {
        keys.add(m.group(1).replace("&amp;", "&"));
      }
      Matcher n = next.matcher(r.body());
      token = n.find() ? n.group(1) : null;
    } while (token != null);
    keys.sort(null);
    return keys;
  }

  public void delete(String key) throws IOException, InterruptedException {
    http.send(
        HttpRequest.newBuilder(uri(key)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
