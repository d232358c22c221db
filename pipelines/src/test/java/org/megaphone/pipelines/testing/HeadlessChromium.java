package org.megaphone.pipelines.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's chromium, headless and cut off from the network, driven over the Chrome DevTools
 * Protocol (a WebSocket and JSON: no driver binary, no extra dependency). It records what a
 * reviewer of report.html cares about: console errors, uncaught exceptions, and every request the
 * page makes.
 *
 * <p>Network is disabled three ways: every host name resolves to nothing, every proxyable request
 * goes to a closed local port, and the DevTools session refuses all requests but file: URLs. Any
 * request still shows up in {@link Page#requests()}, so a page that tries to fetch something fails
 * the test even though the fetch cannot succeed.
 *
 * <p>Why not Selenium with Debian's chromium-driver: what this test checks (every request the page
 * makes, console errors, uncaught exceptions) is a DevTools event stream, which WebDriver does not
 * expose; Selenium reaches it only through its CDP modules, pinned to one Chromium version each
 * (selenium-devtools-v1NN), or BiDi, which needs chromedriver of the browser's exact version as a
 * second Debian package. A WebSocket and four DevTools methods are simpler and follow the browser.
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new ArrayList<>();

  /** The chromium binary: $MEGAPHONE_CHROMIUM, else Debian's /usr/bin/chromium. */
  static Path binary() {
    String configured = System.getenv("MEGAPHONE_CHROMIUM");
    Path binary = Paths.get(configured == null ? "/usr/bin/chromium" : configured);
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          binary
              + " not found: install Debian's chromium (apt-get install chromium; .ci/run does) or set MEGAPHONE_CHROMIUM");
    }
    return binary;
  }

  private HeadlessChromium(Process process) {
    this.process = process;
  }

  public static HeadlessChromium start(Path profile) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                binary().toString(),
                "--headless=new",
                "--no-sandbox", // CI runs as root, where the sandbox refuses to start
                "--disable-gpu",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--proxy-server=http://127.0.0.1:9",
                "--proxy-bypass-list=<-loopback>",
                "--hide-scrollbars",
                "about:blank")
            .redirectErrorStream(true)
            .redirectOutput(profile.resolveSibling(profile.getFileName() + ".log").toFile())
            .start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!(Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IOException("chromium did not open its DevTools port; see " + profile + ".log");
      }
      Thread.sleep(50);
    }
    List<String> lines = Files.readAllLines(portFile);
    URI uri = URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
    HeadlessChromium chromium = new HeadlessChromium(process);
    chromium.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(uri, chromium.listener())
            .join();
    return chromium;
  }

  private WebSocket.Listener listener() {
    return new WebSocket.Listener() {
      private final StringBuilder message = new StringBuilder();

      @Override
      public void onError(WebSocket ws, Throwable error) {
        failPending(error);
      }

      @Override
      public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
        failPending(new IOException("DevTools connection closed: " + status + " " + reason));
        return null;
      }

      @Override
      public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        message.append(data);
        if (last) {
          try {
            receive(JSON.readTree(message.toString()));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          message.setLength(0);
        }
        ws.request(1);
        return null;
      }
    };
  }

  /** A browser that died fails every command waiting for it at once, not after the timeout. */
  private void failPending(Throwable error) {
    pending.values().forEach(reply -> reply.completeExceptionally(error));
    pending.clear();
  }

  private void receive(JsonNode message) {
    if (message.has("id")) {
      CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
      if (reply != null) {
        reply.complete(message);
      }
    } else {
      synchronized (events) {
        events.add(message);
        events.notifyAll();
      }
    }
  }

  /** Sends a command (to the browser, or to a page's session) and waits for its result. */
  JsonNode send(String sessionId, String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    Map<String, Object> command = new LinkedHashMap<>();
    command.put("id", id);
    command.put("method", method);
    command.put("params", params);
    if (sessionId != null) {
      command.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(JSON.writeValueAsString(command), true).join();
    JsonNode answer = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (answer.has("error")) {
      throw new IllegalStateException(method + ": " + answer.get("error"));
    }
    return answer.get("result");
  }

  /** Opens the file in a new tab with the given viewport and waits until it has loaded. */
  public Page open(Path file, int width, int height, boolean mobile) throws Exception {
    String target =
        send(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
    String session =
        send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
            .get("sessionId")
            .asText();
    Page page = new Page(target, session);
    for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
      send(session, domain + ".enable", Map.of());
    }
    send(
        session,
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    // Every request but the file itself is refused before it leaves the browser.
    send(
        session,
        "Network.setBlockedURLs",
        Map.of("urls", List.of("http://*", "https://*", "ws://*", "wss://*", "ftp://*")));
    // Only a load event after the navigation counts: about:blank's own may still be on its way.
    int before = page.events("Page.loadEventFired").size();
    String url = file.toAbsolutePath().toUri().toString();
    send(session, "Page.navigate", Map.of("url", url));
    page.await("Page.loadEventFired", before);
    if (!url.equals(page.evaluate("location.href").asText())) {
      throw new IllegalStateException(
          "the tab shows " + page.evaluate("location.href") + ", not " + url);
    }
    return page;
  }

  /** One tab; closing it closes the tab. */
  public final class Page implements AutoCloseable {
    private final String target;
    private final String session;

    private Page(String target, String session) {
      this.target = target;
      this.session = session;
    }

    @Override
    public void close() throws Exception {
      send(null, "Target.closeTarget", Map.of("targetId", target));
      synchronized (events) {
        events.removeIf(e -> session.equals(e.path("sessionId").asText()));
      }
    }

    private List<JsonNode> events(String method) {
      List<JsonNode> found = new ArrayList<>();
      synchronized (events) {
        for (JsonNode e : events) {
          if (session.equals(e.path("sessionId").asText())
              && method.equals(e.path("method").asText())) {
            found.add(e.get("params"));
          }
        }
      }
      return found;
    }

    /** Waits for more than {@code seen} events of the method. */
    private void await(String method, int seen) throws InterruptedException {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      synchronized (events) {
        while (events(method).size() <= seen) {
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          if (left <= 0) {
            throw new IllegalStateException("no " + method + " within " + TIMEOUT);
          }
          events.wait(left);
        }
      }
    }

    /**
     * The value of a JavaScript expression evaluated in the page (run by DevTools, not by the
     * page).
     */
    public JsonNode evaluate(String expression) throws Exception {
      JsonNode reply =
          send(
              session, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
      // A failing expression must fail the test, not read as 0 or false.
      if (reply.has("exceptionDetails") || !reply.path("result").has("value")) {
        throw new IllegalStateException(expression + ": " + reply);
      }
      return reply.get("result").get("value");
    }

    /**
     * Console errors and assertions, uncaught exceptions and browser log errors (CSP violations
     * among them).
     */
    public List<String> errors() {
      List<String> errors = new ArrayList<>();
      for (JsonNode e : events("Runtime.consoleAPICalled")) {
        if (List.of("error", "assert").contains(e.path("type").asText())) {
          errors.add("console." + e.path("type").asText() + ": " + e.path("args"));
        }
      }
      for (JsonNode e : events("Runtime.exceptionThrown")) {
        errors.add("exception: " + e.path("exceptionDetails"));
      }
      for (JsonNode e : events("Log.entryAdded")) {
        if ("error".equals(e.path("entry").path("level").asText())) {
          errors.add(
              "log: "
                  + e.path("entry").path("text").asText()
                  + " "
                  + e.path("entry").path("url").asText());
        }
      }
      return errors;
    }

    /** The URL of every request the page made, the page itself included. */
    public List<String> requests() {
      return events("Network.requestWillBeSent").stream()
          .map(e -> e.path("request").path("url").asText())
          .toList();
    }

    /** A PNG of the whole page, as long as its content. */
    public void screenshot(Path png, int width) throws Exception {
      JsonNode size = send(session, "Page.getLayoutMetrics", Map.of()).get("cssContentSize");
      int height = (int) Math.ceil(size.get("height").asDouble());
      send(
          session,
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
      String data =
          send(
                  session,
                  "Page.captureScreenshot",
                  Map.of("format", "png", "captureBeyondViewport", true))
              .get("data")
              .asText();
      Files.createDirectories(png.getParent());
      Files.write(png, Base64.getDecoder().decode(data));
    }
  }

  @Override
  public void close() throws InterruptedException {
    try {
      send(null, "Browser.close", Map.of());
    } catch (Exception e) {
      // The browser is killed below either way.
    }
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
