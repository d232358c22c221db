package org.megaphone.read.exports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.megaphone.model.Post;
import org.megaphone.model.Reject;
import org.megaphone.model.ViewSnapshot;
import org.megaphone.read.InputFile;
import org.megaphone.read.LiveCounts;
import org.megaphone.read.TableFiles;
import org.megaphone.read.TextInput;

/**
 * Reads the native exports in a dataset's {@code exports/} folder (and its subfolders, one level
 * deep), each through the profile its header names (or the one given with --profile).
 *
 * <p>Input: the pipeline. Outputs (bounded): the posts ({@link #POSTS}) and view snapshots ({@link
 * #VIEWS}) they give, ready for the same de-duplication and attribution as canonical rows; rejects,
 * whose reason starts with the profile's name ({@link #REJECTS}); one {@link InputFile} per file
 * and table it fed, naming the profile ({@link #FILES}); and warnings for the summary ({@link
 * #WARNINGS}). A file that no profile recognises fails the pipeline with an {@link
 * org.megaphone.read.InputException} that lists the profiles.
 */
public final class ReadExports extends PTransform<PBegin, PCollectionTuple> {
  public static final String FOLDER = "exports";
  public static final TupleTag<Post> POSTS = new TupleTag<>() {};
  public static final TupleTag<ViewSnapshot> VIEWS = new TupleTag<>() {};
  public static final TupleTag<Reject> REJECTS = new TupleTag<>() {};
  public static final TupleTag<InputFile> FILES = new TupleTag<>() {};
  public static final TupleTag<String> WARNINGS = new TupleTag<>() {};

  private final String exportsFolder;
  private final Sources sources;
  private final String profile;
  private final String zoneId;

  /**
   * Null to output posts and views as {@link #POSTS} and {@link #VIEWS}; else where both go ({@link
   * #sending}).
   */
  private Sending<?> sending;

  /** The one output that posts and views go to, each through its function. */
  private record Sending<O>(
      TupleTag<O> tag,
      Coder<O> coder,
      SerializableFunction<Post, O> posts,
      SerializableFunction<ViewSnapshot, O> views)
      implements Serializable {}

  /**
   * Sends the posts and the view snapshots, each through its function, to {@code tag} instead of
   * {@link #POSTS} and {@link #VIEWS}: one collection for their one consumer, without a Flatten
   * (see {@link org.megaphone.read.ReadTables#sending}).
   */
  public <O> ReadExports sending(
      TupleTag<O> tag,
      Coder<O> coder,
      SerializableFunction<Post, O> posts,
      SerializableFunction<ViewSnapshot, O> views) {
    this.sending = new Sending<>(tag, coder, posts, views);
    return this;
  }

  /**
   * @param exportsFolder absolute path of the dataset's exports/ folder
   * @param profile a profile name to force, or null to recognise each file by its header
   */
  public ReadExports(String exportsFolder, Sources sources, String profile, String zoneId) {
    this.exportsFolder = exportsFolder.endsWith("/") ? exportsFolder : exportsFolder + "/";
    this.sources = sources;
    this.profile = profile;
    this.zoneId = zoneId;
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    PCollectionTuple out =
        PCollectionList.of(
                input.apply(
                    "MatchExports",
                    FileIO.match()
                        .filepattern(exportsFolder + "*")
                        .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW)))
            .and(
                input.apply(
                    "MatchExportFolders",
                    FileIO.match()
                        .filepattern(exportsFolder + "*/*")
                        .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW)))
            .apply("FlattenExportFiles", Flatten.pCollections())
            .apply("KeepExportFiles", Filter.by(ReadExports::isExport))
            .apply("OpenExports", FileIO.readMatches().withCompression(Compression.UNCOMPRESSED))
            .apply(
                "ParseExports",
                ParDo.of(new ParseExportFn(exportsFolder, sources, profile, zoneId, sending))
                    .withOutputTags(
                        REJECTS,
                        (sending == null
                                ? TupleTagList.of(POSTS).and(VIEWS)
                                : TupleTagList.of(sending.tag()))
                            .and(FILES)
                            .and(WARNINGS)));
    if (sending == null) {
      out.get(POSTS).setCoder(Post.WireCoder.INSTANCE);
      out.get(VIEWS).setCoder(ViewSnapshot.WireCoder.INSTANCE);
    } else {
      setCoder(out.get(sending.tag()), sending.coder());
    }
    out.get(REJECTS).setCoder(Reject.WireCoder.INSTANCE);
    out.get(FILES).setCoder(InputFile.WireCoder.INSTANCE);
    out.get(WARNINGS).setCoder(StringUtf8Coder.of());
    return out;
  }

  @SuppressWarnings("unchecked")
  private static <T> void setCoder(PCollection<?> collection, Coder<T> coder) {
    ((PCollection<T>) collection).setCoder(coder);
  }

  /** Data files: not folders, not sources.csv, named like a CSV or text export. */
  static boolean isExport(MatchResult.Metadata file) {
    String name = file.resourceId().getFilename();
    return !file.resourceId().isDirectory() && name != null && isExportName(name);
  }

  /** Whether a file name in exports/ is one read as an export (not sources.csv). */
  public static boolean isExportName(String name) {
    return !name.equals(Sources.FILE) && name.matches("(?i).*\\.(csv|tsv|txt)(\\.gz)?");
  }

  /**
   * An export's text from its bytes: gunzipped when its name ends in .gz (within the same bound),
   * its charset guessed (UTF-8, UTF-16 with BOM, else Windows-1252).
   */
  public static TableFiles.Decoded decode(String path, byte[] bytes) throws IOException {
    byte[] plain =
        path.endsWith(".gz")
            ? TableFiles.readAtMost(
                TextInput.gunzip(path, new ByteArrayInputStream(bytes)),
                MAX_EXPORT_BYTES,
                path,
                " once gunzipped")
            : bytes;
    return TableFiles.decodeExportText(plain);
  }

  /** The largest export read (whole): 256 MiB, far above any platform's export of one account. */
  public static final int MAX_EXPORT_BYTES = 256 << 20;

  private static final class ParseExportFn extends DoFn<FileIO.ReadableFile, Reject> {
    // Read live by the driver's progress lines (pipelines/Progress).
    private final Counter filesRead = Metrics.counter(ReadExports.class, "files");
    private final Counter rowsRead = Metrics.counter(ReadExports.class, "rows");
    private final Counter rowsRejected = Metrics.counter(ReadExports.class, "rejects");
    private final Counter adjusted = Metrics.counter(ReadExports.class, "adjusted");
    private final String exportsFolder;
    private final Sources sources;
    private final String profile;
    private final String zoneId;
    private final Sending<?> sending;

    ParseExportFn(
        String exportsFolder, Sources sources, String profile, String zoneId, Sending<?> sending) {
      this.exportsFolder = exportsFolder;
      this.sources = sources;
      this.profile = profile;
      this.zoneId = zoneId;
      this.sending = sending;
    }

    private void post(Post p, MultiOutputReceiver out) {
      if (sending == null) {
        out.get(POSTS).output(p);
      } else {
        send(sending, sending.posts().apply(p), out);
      }
    }

    private void view(ViewSnapshot v, MultiOutputReceiver out) {
      if (sending == null) {
        out.get(VIEWS).output(v);
      } else {
        send(sending, sending.views().apply(v), out);
      }
    }

    @SuppressWarnings("unchecked")
    private static <O> void send(Sending<O> to, Object value, MultiOutputReceiver out) {
      out.get(to.tag()).output((O) value);
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile readable, MultiOutputReceiver out)
        throws IOException {
      String full = readable.getMetadata().resourceId().toString();
      String below = full.startsWith(exportsFolder) ? full.substring(exportsFolder.length()) : full;
      ExportFile file = sources.describe(below, zoneId);
      // An export is read whole (its header may follow a preamble, its encoding is guessed from
      // all of it): a bound keeps a hostile file from taking the heap (D28).
      byte[] bytes = TableFiles.readAtMost(readable.open(), MAX_EXPORT_BYTES, file.path(), "");
      TableFiles.Decoded decoded = decode(file.path(), bytes);
      ExportFiles.Counts counts =
          ExportFiles.parse(
              file,
              decoded.text(),
              profile == null ? null : Profiles.named(profile),
              p -> {
                post(p, out);
                rowsRead.inc();
                LiveCounts.countRow(false);
              },
              v -> {
                view(v, out);
                rowsRead.inc();
                LiveCounts.countRow(false);
              },
              r -> {
                out.get(REJECTS).output(r);
                rowsRead.inc();
                rowsRejected.inc();
                LiveCounts.countRow(true);
              });
      filesRead.inc();
      LiveCounts.countFile(bytes.length);
      String sha = TableFiles.sha256(bytes);
      ExportProfile used = Profiles.named(counts.profile());
      for (String table : used.feeds()) {
        long read = table.equals("posts") ? counts.postsRead() : counts.viewsRead();
        long rejected = table.equals("posts") ? counts.postsRejected() : counts.viewsRejected();
        boolean main = used.mainTable().equals(table);
        if (read > 0 || main) {
          out.get(FILES)
              .output(
                  InputFile.create(
                          table,
                          file.path(),
                          bytes.length,
                          sha,
                          read,
                          rejected,
                          decoded.charset(),
                          counts.profile())
                      // A file's adjustments are counted once, on the entry of its profile's main
                      // table.
                      .withAdjustments(main ? counts.adjustments() : Map.of())
                      .withNumberFormat(counts.numberFormat()));
        }
      }
      counts.adjustments().values().forEach(adjusted::inc);
      for (String warning : Adjustments.warnings(file.path(), counts.adjustments())) {
        out.get(WARNINGS).output(warning);
      }
      if (counts.numberFormat().contains(" and ")) {
        out.get(WARNINGS)
            .output(
                file.path()
                    + ": its counts group thousands both as "
                    + counts.numberFormat()
                    + "; each was read as a whole number, but check that the export was made in one"
                    + " locale");
      }
      if (decoded.charset().equals("windows-1252")) {
        out.get(WARNINGS)
            .output(
                file.path()
                    + ": not valid UTF-8, read as Windows-1252; re-export as UTF-8 if accented"
                    + " letters look wrong");
      }
      if (counts.viewsWithoutExportDate()) {
        out.get(WARNINGS)
            .output(
                file.path()
                    + ": views not used, the export date is unknown; put the date in the file"
                    + " name (…_2020-04-15.csv) or an exported_at in exports/sources.csv");
      }
    }
  }
}
