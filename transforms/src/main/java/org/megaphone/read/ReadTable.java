package org.megaphone.read;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.megaphone.model.Reject;

/**
 * Reads every file of one table in a dataset folder.
 *
 * <p>Input: the pipeline. Output (bounded): a tuple of the table's parsed rows ({@link #rows}),
 * the rejected rows ({@link #rejects}) and one {@link InputFile} per file read ({@link #files}).
 * Files are matched directly in the folder by {@link Table#matches}; none is fine (optional
 * tables; the caller checks required ones). A missing required column or an unreadable file fails
 * the pipeline with an {@link InputException}.
 */
public final class ReadTable<T> extends PTransform<PBegin, PCollectionTuple> {
  public final TupleTag<T> rows = new TupleTag<>();
  public final TupleTag<Reject> rejects = new TupleTag<>();
  public final TupleTag<InputFile> files = new TupleTag<>();

  private final String folder;
  private final Table<T> table;
  private final Class<T> type;

  public ReadTable(String folder, Table<T> table, Class<T> type) {
    this.folder = folder.endsWith("/") ? folder : folder + "/";
    this.table = table;
    this.type = type;
  }

  @java.lang.Override
  public PCollectionTuple expand(PBegin input) {
    PCollection<FileIO.ReadableFile> files =
        input
            .apply(
                "MatchFiles",
                FileIO.match()
                    .filepattern(folder + table.name() + "*")
                    .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
            .apply("KeepTableFiles", Filter.by(new IsTableFile<>(table)))
            .apply("SpreadFiles", Reshuffle.viaRandomKey())
            .apply("OpenFiles", FileIO.readMatches().withCompression(Compression.UNCOMPRESSED));
    PCollectionTuple parsed =
        files.apply(
            "ParseRows",
            ParDo.of(new ParseFileFn<>(table, rows, rejects, this.files))
                .withOutputTags(rows, TupleTagList.of(rejects).and(this.files)));
    try {
      parsed.get(rows).setCoder(input.getPipeline().getSchemaRegistry().getSchemaCoder(type));
      parsed.get(rejects).setCoder(input.getPipeline().getSchemaRegistry().getSchemaCoder(Reject.class));
      parsed
          .get(this.files)
          .setCoder(input.getPipeline().getSchemaRegistry().getSchemaCoder(InputFile.class));
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(e);
    }
    return parsed;
  }

  private static final class IsTableFile<T>
      implements org.apache.beam.sdk.transforms.SerializableFunction<MatchResult.Metadata, Boolean> {
    private final Table<T> table;

    IsTableFile(Table<T> table) {
      this.table = table;
    }

    @java.lang.Override
    public Boolean apply(MatchResult.Metadata file) {
      return !file.resourceId().isDirectory() && table.matches(file.resourceId().getFilename());
    }
  }

  private static final class ParseFileFn<T> extends DoFn<FileIO.ReadableFile, T> {
    private final Table<T> table;
    private final TupleTag<T> rows;
    private final TupleTag<Reject> rejects;
    private final TupleTag<InputFile> files;

    ParseFileFn(
        Table<T> table, TupleTag<T> rows, TupleTag<Reject> rejects, TupleTag<InputFile> files) {
      this.table = table;
      this.rows = rows;
      this.rejects = rejects;
      this.files = files;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out)
        throws java.io.IOException {
      String name = file.getMetadata().resourceId().getFilename();
      byte[] bytes = file.readFullyAsBytes();
      String text = TableFiles.decode(name, bytes);
      TableFiles.Counts counts =
          TableFiles.parse(
              table,
              name,
              text,
              row -> out.get(rows).output(row),
              reject -> out.get(rejects).output(reject));
      out.get(files)
          .output(
              InputFile.create(
                  table.name(), name, bytes.length, sha256(bytes), counts.rows(), counts.rejected()));
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
