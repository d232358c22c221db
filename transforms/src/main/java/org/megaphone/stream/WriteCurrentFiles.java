package org.megaphone.stream;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.megaphone.reports.Report;
import org.megaphone.write.CsvFiles;
import org.megaphone.write.ReportRow;

/**
 * The folder sink of a stream: for each week, {@code <output>/<week>/<report>} holds the current
 * version of every row of that week, with the pane that produced it and its sequence number. A file
 * is rewritten at most once per {@link #FLUSH_DELAY} with every row that changed meanwhile, and
 * once more when the stream ends, under a temporary name and renamed into place, so a reader always
 * sees a complete, consistent file. A stream cancelled or failing may leave the last second's
 * changes unwritten; its state (on Flink, in the checkpoint) still holds them.
 *
 * <p>Input: {@link PaneRow}s (any windowing; re-windowed into the global window, where state per
 * file keeps the latest version of each row). Output: none. Local file systems only.
 */
public final class WriteCurrentFiles extends PTransform<PCollection<PaneRow>, PDone> {
  private final String output;

  /** Each file's header is its {@link Report}'s, followed by the pane and sequence columns. */
  public WriteCurrentFiles(String output) {
    this.output = output;
  }

  @Override
  public PDone expand(PCollection<PaneRow> rows) {
    rows.apply("IntoGlobalWindow", intoGlobalWindow())
        .apply(
            "KeyByFile",
            WithKeys.of((PaneRow r) -> r.getKey().get(0) + "/" + r.getReport())
                .withKeyType(TypeDescriptors.strings()))
        .apply("RewriteFiles", ParDo.of(new RewriteFn(output)));
    return PDone.in(rows.getPipeline());
  }

  /**
   * Pane rows into the global window with the default trigger: they are versions already fired by
   * their weekly windows, kept by state from here on, never grouped again.
   */
  public static Window<PaneRow> intoGlobalWindow() {
    return Window.<PaneRow>into(new GlobalWindows())
        .triggering(DefaultTrigger.of())
        .discardingFiredPanes();
  }

  /** Writes a file atomically: under a temporary name in the same folder, then renamed. */
  static void replace(Path file, List<String> header, List<ReportRow> rows) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      CsvFiles.write(w, header, rows);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** How long a file's updates are gathered before it is rewritten. */
  static final Duration FLUSH_DELAY = Duration.standardSeconds(1);

  /**
   * Keeps a file's rows in state and rewrites the file at most once per {@link #FLUSH_DELAY} (a
   * processing-time timer), and once more when the stream ends (an event-time timer at the end of
   * the global window). Rewriting on every row cost a seventh of a replay's time.
   */
  private static final class RewriteFn extends DoFn<KV<String, PaneRow>, Void> {
    private final String output;

    @StateId("rows")
    private final StateSpec<ValueState<Map<String, PaneRow>>> rowsSpec;

    @StateId("dirty")
    private final StateSpec<ValueState<Boolean>> dirtySpec = StateSpecs.value(BooleanCoder.of());

    @TimerId("flush")
    private final TimerSpec flushSpec = TimerSpecs.timer(TimeDomain.PROCESSING_TIME);

    @TimerId("end")
    private final TimerSpec endSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    RewriteFn(String output) {
      this.output = output;
      this.rowsSpec =
          StateSpecs.value(MapCoder.of(StringUtf8Coder.of(), PaneRow.WireCoder.INSTANCE));
    }

    @ProcessElement
    public void process(
        @Element KV<String, PaneRow> element,
        @StateId("rows") ValueState<Map<String, PaneRow>> state,
        @StateId("dirty") ValueState<Boolean> dirty,
        @TimerId("flush") Timer flush,
        @TimerId("end") Timer end) {
      PaneRow row = element.getValue();
      Map<String, PaneRow> kept = state.read();
      Map<String, PaneRow> rows = kept == null ? new HashMap<>() : new HashMap<>(kept);
      String key = String.join("\u001f", row.getKey());
      PaneRow current = rows.get(key);
      if (current != null && current.getSequence() > row.getSequence()) {
        return; // an older pane, arriving after a newer one
      }
      rows.put(key, row);
      state.write(rows);
      if (!Boolean.TRUE.equals(dirty.read())) {
        dirty.write(true);
        flush.offset(FLUSH_DELAY).setRelative();
        end.set(GlobalWindow.INSTANCE.maxTimestamp());
      }
    }

    @OnTimer("flush")
    public void onFlush(
        @Key String file,
        @StateId("rows") ValueState<Map<String, PaneRow>> state,
        @StateId("dirty") ValueState<Boolean> dirty)
        throws IOException {
      rewrite(file, state, dirty);
    }

    @OnTimer("end")
    public void onEnd(
        @Key String file,
        @StateId("rows") ValueState<Map<String, PaneRow>> state,
        @StateId("dirty") ValueState<Boolean> dirty)
        throws IOException {
      rewrite(file, state, dirty);
    }

    private void rewrite(
        String file, ValueState<Map<String, PaneRow>> state, ValueState<Boolean> dirty)
        throws IOException {
      Map<String, PaneRow> rows = state.read();
      if (!Boolean.TRUE.equals(dirty.read()) || rows == null) {
        return;
      }
      dirty.write(false);
      List<ReportRow> lines = new ArrayList<>();
      for (PaneRow r : rows.values()) {
        if (r.getExists()) {
          List<String> cells = new ArrayList<>(r.getCells());
          cells.add(r.getPane());
          cells.add(Long.toString(r.getSequence()));
          lines.add(ReportRow.create(r.getKey(), cells));
        }
      }
      List<String> header =
          new ArrayList<>(Report.ofFile(file.substring(file.lastIndexOf('/') + 1)).header());
      header.add("pane");
      header.add("sequence");
      replace(Paths.get(output, file), header, lines);
    }
  }
}
