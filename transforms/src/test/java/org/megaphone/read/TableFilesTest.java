package org.megaphone.read;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.megaphone.model.Account;
import org.megaphone.model.Post;
import org.megaphone.model.Reject;
import org.megaphone.model.SourceRef;
import org.megaphone.model.ViewSnapshot;

/** Reading one file of a table: contract sections 2 and 3, decisions D1 to D5. */
class TableFilesTest {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** What parsing one file gave. */
  private record Parsed<T>(List<T> rows, List<Reject> rejects, TableFiles.Counts counts) {}

  private static <T> Parsed<T> parse(Table<T> table, String fileName, String text) {
    List<T> rows = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    TableFiles.Counts counts = TableFiles.parse(table, fileName, text, rows::add, rejects::add);
    return new Parsed<>(rows, rejects, counts);
  }

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  // --- decode ---

  @Test
  void decodeDropsTheUtf8ByteOrderMark() {
    assertThat(TableFiles.decode("posts.csv", concat(BOM, utf8("a,b\n"))), is("a,b\n"));
  }

  @Test
  void decodeKeepsUtf8TextWithoutByteOrderMark() {
    assertThat(
        TableFiles.decode("posts.csv", utf8("text\n#pesekädet\n")), is("text\n#pesekädet\n"));
  }

  @Test
  void decodeGunzipsAFileWhoseNameEndsInGzAndDropsItsBom() {
    byte[] compressed = gzip(concat(BOM, utf8("platform,handle\nig,città\n")));

    assertThat(
        TableFiles.decode("posts_2020.csv.gz", compressed), is("platform,handle\nig,città\n"));
  }

  @Test
  void decodeOfAGzNameThatIsNotGzipIsAnInputExceptionNamingTheFile() {
    InputException e =
        assertThrows(
            InputException.class, () -> TableFiles.decode("posts_2020.csv.gz", utf8("a,b\n")));

    assertThat(e.getMessage(), containsString("posts_2020.csv.gz"));
  }

  @Test
  void canonicalFileThatIsNotUtf8IsAnInputExceptionNamingTheFile() {
    byte[] latin1 = "platform,text\nig,Citt\u00e0\n".getBytes(StandardCharsets.ISO_8859_1);

    InputException e =
        assertThrows(InputException.class, () -> TableFiles.decode("posts_latin1.csv", latin1));

    assertThat(e.getMessage(), containsString("posts_latin1.csv"));
    assertThat(e.getMessage(), containsString("UTF-8"));
  }

  @Test
  void exportThatIsNotUtf8IsReadAsWindows1252AndSaysSo() {
    byte[] cp1252 =
        "platform,text\nig,Citt\u00e0 \u20ac\n".getBytes(Charset.forName("windows-1252"));

    TableFiles.Decoded decoded = TableFiles.decodeExport("posts_excel.csv", cp1252);

    assertThat(decoded.text(), is("platform,text\nig,Citt\u00e0 \u20ac\n"));
    assertThat(decoded.charset(), is("windows-1252"));
  }

  @Test
  void exportInUtf16WithByteOrderMarkIsReadAsExcelUnicodeText() {
    byte[] le =
        concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            "a\tb\nk\u00e4\t1\n".getBytes(StandardCharsets.UTF_16LE));
    byte[] be =
        concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "a\tb\n".getBytes(StandardCharsets.UTF_16BE));

    assertThat(
        TableFiles.decodeExport("x.csv", le),
        is(new TableFiles.Decoded("a\tb\nk\u00e4\t1\n", "UTF-16LE")));
    assertThat(
        TableFiles.decodeExport("x.csv", be), is(new TableFiles.Decoded("a\tb\n", "UTF-16BE")));
  }

  @Test
  void invalidUtf8InsideGzipIsAnInputExceptionForCanonicalFilesAndWindows1252ForExports() {
    byte[] compressed = gzip(new byte[] {'a', ',', (byte) 0xC3, (byte) 0x28, '\n'});

    assertThrows(InputException.class, () -> TableFiles.decode("views.csv.gz", compressed));
    assertThat(TableFiles.decodeExport("views.csv.gz", compressed).charset(), is("windows-1252"));
  }

  // --- header ---

  @Test
  void headersMatchCaseInsensitivelyAfterTrimmingInAnyOrderAndUnknownColumnsAreIgnored() {
    String text =
        """
         Published_AT ,HANDLE,Ignored Column,post_id, Platform ,LIKES
        2020-04-01T09:30:00+03:00,@Sanna,whatever,p1,IG,12
        """;

    Parsed<Post> parsed = parse(Tables.posts("UTC"), "posts_a.csv", text);

    assertThat(parsed.rejects(), is(empty()));
    assertThat(parsed.counts(), is(new TableFiles.Counts(1, 0)));
    assertThat(
        parsed.rows(),
        contains(
            Post.create(
                "instagram",
                "p1",
                "sanna",
                millis("2020-04-01T06:30:00Z"),
                null,
                null,
                null,
                12,
                0,
                0,
                0,
                null,
                null,
                SourceRef.create(
                    "posts_a.csv", 2, "2020-04-01T09:30:00+03:00,@Sanna,whatever,p1,IG,12"))));
  }

  @Test
  void everyPostColumnIsReadTrimmedWithLocalTimesInTheDatasetZone() {
    String text =
        "platform,post_id,handle,published_at,text,url,language,likes,comments,shares,saves,"
            + "followers,exported_at\n"
            + "TikTok , v9 , @Kunta.Ivrea ,2020-04-01 09:30,\"Pese kädet, #pesekädet\","
            + " https://thl.fi/korona ,FI, 4 ,3,2,1, 1000 ,2020-04-02\n";

    Parsed<Post> parsed = parse(Tables.posts("Europe/Helsinki"), "posts.csv", text);

    assertThat(parsed.rejects(), is(empty()));
    assertThat(
        parsed.rows(),
        contains(
            Post.create(
                "tiktok",
                "v9",
                "kunta.ivrea",
                millis("2020-04-01T06:30:00Z"),
                "Pese kädet, #pesekädet",
                "https://thl.fi/korona",
                "fi",
                4,
                3,
                2,
                1,
                1000L,
                millis("2020-04-01T21:00:00Z"),
                SourceRef.create(
                    "posts.csv",
                    2,
                    "TikTok , v9 , @Kunta.Ivrea ,2020-04-01 09:30,\"Pese kädet, #pesekädet\","
                        + " https://thl.fi/korona ,FI, 4 ,3,2,1, 1000 ,2020-04-02"))));
  }

  @Test
  void missingRequiredColumnIsAnInputExceptionNamingTheColumnAndTheFile() {
    String text = "platform,post_id,handle,text\nig,p1,anna,hello\n";

    InputException e =
        assertThrows(InputException.class, () -> parse(Tables.posts("UTC"), "posts_b.csv", text));

    assertThat(e.getMessage(), containsString("posts_b.csv"));
    assertThat(e.getMessage(), containsString("published_at"));
  }

  @Test
  void headerNamingAColumnTwiceStopsTheRunNamingTheFileAndBothColumns() {
    // The case: likes where saves was; the first column would silently win.
    String text = "platform,post_id,handle,published_at,likes,LIKES \nig,p1,anna,2020-04-01,1,2\n";

    InputException e =
        assertThrows(InputException.class, () -> parse(Tables.posts("UTC"), "posts_b.csv", text));

    assertThat(
        e.getMessage(),
        startsWith("posts_b.csv: the header names column likes twice (columns 5 and 6"));
  }

  @Test
  void latin1CanonicalFileSaysWhichLineAndByteAndWhatItLooksLike() {
    byte[] latin1 = "platform,text\nig,ok\nig,Citt\u00e0\n".getBytes(StandardCharsets.ISO_8859_1);

    InputException e =
        assertThrows(InputException.class, () -> TableFiles.decode("posts_latin1.csv", latin1));

    assertThat(
        e.getMessage(),
        is(
            "posts_latin1.csv: is not valid UTF-8 text: byte 0xE0 at line 3 (byte offset 27);"
                + " it looks like Windows-1252 or Latin-1 (ISO-8859-1), where that byte is '\u00e0';"
                + " save it as UTF-8"));
  }

  @Test
  void utf16CanonicalFileSaysItIsUtf16() {
    byte[] le =
        concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "a,b\n".getBytes(StandardCharsets.UTF_16LE));
    byte[] noBom = "platform,handle\n".getBytes(StandardCharsets.UTF_16LE);

    assertThat(
        assertThrows(InputException.class, () -> TableFiles.decode("posts.csv", le)).getMessage(),
        containsString("starts with a UTF-16LE byte-order mark"));
    // Without a mark, the first bad byte comes later; the zeros say what it is.
    byte[] withUmlaut = "platform,handle\nig,k\u00e4\n".getBytes(StandardCharsets.UTF_16LE);
    assertThat(
        assertThrows(InputException.class, () -> TableFiles.decode("posts.csv", withUmlaut))
            .getMessage(),
        containsString("looks like UTF-16LE"));
    assertThat(noBom.length > 0, is(true));
  }

  @Test
  void truncatedGzipSaysTruncatedInsteadOfNull() {
    byte[] whole = gzip(utf8("platform,handle\n" + "ig,anna\n".repeat(1000)));
    byte[] cut = Arrays.copyOf(whole, whole.length - 6);

    InputException e =
        assertThrows(InputException.class, () -> TableFiles.decode("posts.csv.gz", cut));

    assertThat(e.getMessage(), startsWith("posts.csv.gz: truncated gzip"));
  }

  @Test
  void garbageAfterTheGzipDataIsAnErrorNotIgnored() {
    byte[] garbage = concat(gzip(utf8("platform,handle\nig,anna\n")), utf8("not gzip at all"));

    InputException e =
        assertThrows(InputException.class, () -> TableFiles.decode("posts.csv.gz", garbage));

    assertThat(e.getMessage(), startsWith("posts.csv.gz: garbage after the gzip data"));
  }

  @Test
  void concatenatedGzipMembersAreOneText() {
    byte[] two = concat(gzip(utf8("platform,handle\n")), gzip(utf8("ig,anna\n")));

    assertThat(TableFiles.decode("posts.csv.gz", two), is("platform,handle\nig,anna\n"));
  }

  @Test
  void streamedTextReadOneCharacterAtATimeKeepsSurrogatePairsAndDropsTheBom() throws IOException {
    String text = "handle,text\nig,\uD83D\uDE00 k\u00e4\n";
    try (TextInput in =
        TextInput.open("posts.csv", new ByteArrayInputStream(concat(BOM, utf8(text))))) {
      StringBuilder read = new StringBuilder();
      char[] one = new char[1];
      for (int n; (n = in.reader().read(one, 0, 1)) >= 0; ) {
        read.append(one, 0, n);
      }
      assertThat(read.toString(), is(text));
    }
  }

  @Test
  void streamedFileIsCountedAndHashedWhole() throws IOException {
    byte[] bytes = gzip(utf8("platform,handle\nig,anna\n"));
    try (TextInput in = TextInput.open("accounts.csv.gz", new ByteArrayInputStream(bytes))) {
      in.reader().read(new char[4]); // read only part of the text
      assertThat(in.bytes(), is((long) bytes.length));
      assertThat(in.sha256(), is(TableFiles.sha256(bytes)));
    }
  }

  @Test
  void fileOfMostlyMalformedRecordsStopsTheRunAsNotATable() {
    String text = "platform,post_id,observed_at,views\n" + "x\n".repeat(150_000);

    InputException e =
        assertThrows(
            InputException.class, () -> parse(Tables.views("UTC"), "views_bomb.csv", text));

    assertThat(
        e.getMessage(),
        is(
            "views_bomb.csv: 100000 of its first 100000 records are malformed CSV (first on line 2):"
                + " this is not a views table (another delimiter, or not CSV at all?)"));
  }

  @Test
  void fileWithSomeMalformedRecordsIsStillReadRecordByRecord() {
    StringBuilder text = new StringBuilder("platform,post_id,observed_at,views\n");
    for (int i = 0; i < 120_000; i++) {
      text.append(i % 2 == 0 ? "x\n" : "youtube,v" + i + ",2020-04-01,5\n");
    }

    Parsed<ViewSnapshot> parsed = parse(Tables.views("UTC"), "views.csv", text.toString());

    assertThat(parsed.rows(), hasSize(60_000));
    assertThat(parsed.rejects(), hasSize(60_000));
  }

  @Test
  void emptyFileIsAnInputException() {
    assertThrows(InputException.class, () -> parse(Tables.posts("UTC"), "posts.csv", ""));
  }

  @Test
  void headerOnlyFileHasNoRows() {
    Parsed<Post> parsed =
        parse(Tables.posts("UTC"), "posts.csv", "platform,post_id,handle,published_at\n");

    assertThat(parsed.rows(), is(empty()));
    assertThat(parsed.rejects(), is(empty()));
    assertThat(parsed.counts(), is(new TableFiles.Counts(0, 0)));
  }

  @Test
  void semicolonFileWithBomAndCrlfIsRead() {
    byte[] bytes =
        concat(
            BOM,
            utf8("platform;post_id;handle;published_at;likes\r\nyt;v1;@Kunta;2020-04-01;1\r\n"));

    Parsed<Post> parsed =
        parse(Tables.posts("UTC"), "posts.csv", TableFiles.decode("posts.csv", bytes));

    assertThat(parsed.rejects(), is(empty()));
    assertThat(parsed.rows(), hasSize(1));
    Post post = parsed.rows().get(0);
    assertThat(post.getPlatform(), is("youtube"));
    assertThat(post.getHandle(), is("kunta"));
    assertThat(post.getPublishedAt(), is(millis("2020-04-01T00:00:00Z")));
    assertThat(post.getLikes(), is(1L));
    assertThat(post.getSource(), is(SourceRef.create("posts.csv", 2, "yt;v1;@Kunta;2020-04-01;1")));
  }

  @Test
  void semicolonHeaderAfterALeadingBlankLineIsStillDetected() {
    // D2: the delimiter comes from the header line; blank lines are not records.
    String text = "\nplatform;post_id;handle;published_at\nig;p1;anna;2020-04-01\n";

    Parsed<Post> parsed = parse(Tables.posts("UTC"), "posts.csv", text);

    assertThat(parsed.rejects(), is(empty()));
    assertThat(parsed.rows(), hasSize(1));
    assertThat(parsed.rows().get(0).getSource().getLine(), is(3L));
  }

  // --- rejects ---

  @Test
  void wrongFieldCountIsRejectedWithItsLineAndRawRecord() {
    String text =
        """
        platform,post_id,handle,published_at
        ig,p1,anna,2020-04-01
        ig,p2,anna
        ig,p3,anna,2020-04-01,extra
        """;

    Parsed<Post> parsed = parse(Tables.posts("UTC"), "posts.csv", text);

    assertThat(parsed.rows(), hasSize(1));
    assertThat(parsed.rejects(), hasSize(2));
    Reject tooFew = parsed.rejects().get(0);
    assertThat(tooFew.getFile(), is("posts.csv"));
    assertThat(tooFew.getLine(), is(3L));
    assertThat(tooFew.getTable(), is("posts"));
    assertThat(tooFew.getReason(), startsWith("malformed CSV record"));
    assertThat(tooFew.getRecord(), is("ig,p2,anna"));
    Reject tooMany = parsed.rejects().get(1);
    assertThat(tooMany.getLine(), is(4L));
    assertThat(tooMany.getReason(), startsWith("malformed CSV record"));
    assertThat(tooMany.getRecord(), is("ig,p3,anna,2020-04-01,extra"));
    assertThat(parsed.counts(), is(new TableFiles.Counts(3, 2)));
  }

  @Test
  void trailingDelimiterAddsAFieldAndMakesTheRecordMalformed() {
    String text = "platform,post_id,handle,published_at\nig,p1,anna,2020-04-01,\n";

    Parsed<Post> parsed = parse(Tables.posts("UTC"), "posts.csv", text);

    assertThat(parsed.rows(), is(empty()));
    assertThat(parsed.rejects().get(0).getReason(), startsWith("malformed CSV record"));
  }

  @Test
  void malformedQuotingIsRejectedAndTheNextLineIsStillRead() {
    String text =
        """
        platform,post_id,handle,published_at
        ig,"p1"x,anna,2020-04-01
        ig,p2,anna,2020-04-01
        """;

    Parsed<Post> parsed = parse(Tables.posts("UTC"), "posts.csv", text);

    assertThat(parsed.rows(), hasSize(1));
    assertThat(parsed.rows().get(0).getPostId(), is("p2"));
    assertThat(
        parsed.rejects(),
        contains(
            Reject.create(
                "posts.csv",
                2,
                "posts",
                parsed.rejects().get(0).getReason(),
                "ig,\"p1\"x,anna,2020-04-01")));
    assertThat(parsed.rejects().get(0).getReason(), startsWith("malformed CSV record"));
  }

  @Test
  void rejectLineIsThePhysicalLineAfterMultiLineRecordsAndBlankLines() {
    // 1 header | 2-3 quoted text | 4 blank | 5 bad timestamp
    String text =
        """
        platform,post_id,handle,published_at,text
        ig,p1,anna,2020-04-01,"line one
        line two"

        ig,p2,anna,not a date,x
        """;

    Parsed<Post> parsed = parse(Tables.posts("UTC"), "posts.csv", text);

    assertThat(parsed.rows(), hasSize(1));
    assertThat(parsed.rows().get(0).getText(), is("line one\nline two"));
    assertThat(parsed.rows().get(0).getSource().getLine(), is(2L));
    assertThat(parsed.rejects(), hasSize(1));
    assertThat(parsed.rejects().get(0).getLine(), is(5L));
    assertThat(parsed.rejects().get(0).getRecord(), is("ig,p2,anna,not a date,x"));
    assertThat(parsed.counts(), is(new TableFiles.Counts(2, 1)));
  }

  private static final String POSTS_HEADER =
      "platform,post_id,handle,published_at,likes,exported_at\n";

  /** The reason of the one reject that a posts file with this single row gives. */
  private static String rejectReasonOf(String row) {
    Parsed<Post> parsed = parse(Tables.posts("UTC"), "posts.csv", POSTS_HEADER + row + "\n");
    assertThat(parsed.rows(), is(empty()));
    assertThat(parsed.rejects(), hasSize(1));
    assertThat(parsed.rejects().get(0).getLine(), is(2L));
    assertThat(parsed.rejects().get(0).getTable(), is("posts"));
    assertThat(parsed.rejects().get(0).getRecord(), is(row));
    assertThat(parsed.counts(), is(new TableFiles.Counts(1, 1)));
    return parsed.rejects().get(0).getReason();
  }

  @Test
  void emptyRequiredFieldIsRejectedAsMissingRequiredField() {
    String reason = rejectReasonOf("ig,,anna,2020-04-01,1,");

    assertThat(reason, startsWith("missing required field"));
    assertThat(reason, containsString("post_id"));
  }

  @Test
  void whitespaceOnlyRequiredFieldIsRejectedAsMissingRequiredField() {
    String reason = rejectReasonOf("ig,p1,anna,   ,1,");

    assertThat(reason, startsWith("missing required field"));
    assertThat(reason, containsString("published_at"));
  }

  @Test
  void handleThatIsOnlyAnAtSignIsRejectedAsMissingRequiredField() {
    String reason = rejectReasonOf("ig,p1,@,2020-04-01,1,");

    assertThat(reason, startsWith("missing required field"));
    assertThat(reason, containsString("handle"));
  }

  @Test
  void unknownPlatformIsRejected() {
    String reason = rejectReasonOf("myspace,p1,anna,2020-04-01,1,");

    assertThat(reason, startsWith("unknown platform"));
    assertThat(reason, containsString("myspace"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"12a", "-3", "1.5", "+5", "1 000"})
  void countThatIsNotANonNegativeIntegerIsRejected(String likes) {
    String reason = rejectReasonOf("ig,p1,anna,2020-04-01," + likes + ",");

    assertThat(reason, startsWith("not a non-negative integer"));
    assertThat(reason, containsString("likes"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775807", "99999999999999999999", "1000000000001"})
  void countAboveTenToTheTwelfthIsRejectedSoNoSumCanWrap(String likes) {
    String reason = rejectReasonOf("ig,p1,anna,2020-04-01," + likes + ",");

    assertThat(
        reason, is("count above 1000000000000 (no real post has it): likes='" + likes + "'"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a date", "2020-02-30", "01.04.2020", "2020-04-01T25:00:00Z"})
  void unparseablePublishedAtIsRejected(String publishedAt) {
    String reason = rejectReasonOf("ig,p1,anna," + publishedAt + ",1,");

    assertThat(reason, startsWith("unparseable timestamp"));
    assertThat(reason, containsString("published_at"));
  }

  @Test
  void unparseableOptionalExportedAtIsRejected() {
    String reason = rejectReasonOf("ig,p1,anna,2020-04-01,1,yesterday");

    assertThat(reason, startsWith("unparseable timestamp"));
    assertThat(reason, containsString("exported_at"));
  }

  @Test
  void emptyCountersMeanZeroAndEmptyOptionalsMeanNotGiven() {
    Parsed<Post> parsed =
        parse(
            Tables.posts("UTC"),
            "posts.csv",
            """
            platform,post_id,handle,published_at,text,likes,comments,shares,saves,followers
            x,p1,anna,2020-04-01,,, ,,,
            """);

    assertThat(parsed.rejects(), is(empty()));
    Post post = parsed.rows().get(0);
    assertThat(post.getText(), is(nullValue()));
    assertThat(post.engagement(), is(0L));
    assertThat(post.getFollowers(), is(nullValue()));
  }

  @Test
  void countsAreRowsReadAndRejectedWithBlankLinesNotBeingRows() {
    String text =
        POSTS_HEADER
            + "ig,p1,anna,2020-04-01,1,\n"
            + "\n"
            + "   \n"
            + "ig,p2,anna,2020-04-01,x,\n"
            + "facebook,p3,anna,2020-04-01,2,\n"
            + "yt,p4,,2020-04-01,2,\n"
            + "tiktok,p5,anna,2020-13-01,2,\n";

    Parsed<Post> parsed = parse(Tables.posts("UTC"), "posts.csv", text);

    assertThat(parsed.counts(), is(new TableFiles.Counts(5, 3)));
    assertThat(parsed.rows(), hasSize(2));
    assertThat(parsed.rejects(), hasSize(3));
    assertThat(parsed.rejects().get(0).getLine(), is(5L));
    assertThat(parsed.rejects().get(1).getLine(), is(7L));
    assertThat(parsed.rejects().get(2).getLine(), is(8L));
  }

  // --- other tables ---

  @Test
  void accountsRowSplitsAliasesOnPipesAndReadsHostYesCaseInsensitively() {
    String text =
        """
        platform,handle,entity_id,role,aliases,host,language,followers
        IG,@Sindaco.Ivrea,ivrea-mayor,mayor,Sindaco di Ivrea| Sindaca di Ivrea ||,YES,IT,2500
        x,comune_ivrea,ivrea-city,government,,no,,
        """;

    Parsed<Account> parsed = parse(Tables.accounts(), "accounts.csv", text);

    assertThat(parsed.rejects(), is(empty()));
    Account mayor = parsed.rows().get(0);
    assertThat(mayor.getPlatform(), is("instagram"));
    assertThat(mayor.getHandle(), is("sindaco.ivrea"));
    assertThat(mayor.getRole(), is("mayor"));
    assertThat(mayor.getAliases(), contains("Sindaco di Ivrea", "Sindaca di Ivrea"));
    assertThat(mayor.getHost(), is(true));
    assertThat(mayor.getLanguage(), is("it"));
    assertThat(mayor.getFollowers(), is(2500L));
    assertThat(mayor.getEntityName(), is(nullValue()));
    Account city = parsed.rows().get(1);
    assertThat(city.getAliases(), is(empty()));
    assertThat(city.getHost(), is(false));
  }

  @Test
  void accountsRowWithAnUnknownRoleIsRejected() {
    Parsed<Account> parsed =
        parse(
            Tables.accounts(),
            "accounts.csv",
            "platform,handle,entity_id,role\nig,anna,anna,celebrity\n");

    assertThat(parsed.rows(), is(empty()));
    assertThat(parsed.rejects(), hasSize(1));
    assertThat(parsed.rejects().get(0).getTable(), is("accounts"));
  }

  @Test
  void viewsRowNeedsItsViewsCount() {
    Parsed<ViewSnapshot> parsed =
        parse(
            Tables.views("UTC"),
            "views.csv",
            """
            platform,post_id,observed_at,views
            yt,v1,2020-04-01T12:00:00Z,1500
            yt,v1,2020-04-02T12:00:00Z,
            """);

    assertThat(
        parsed.rows(),
        contains(ViewSnapshot.create("youtube", "v1", millis("2020-04-01T12:00:00Z"), 1500)));
    assertThat(parsed.rejects(), hasSize(1));
    assertThat(parsed.rejects().get(0).getReason(), startsWith("missing required field"));
    assertThat(parsed.rejects().get(0).getReason(), containsString("views"));
    assertThat(parsed.rejects().get(0).getTable(), is("views"));
  }

  @Test
  void missingRequiredColumnOfViewsNamesTheColumnAndFile() {
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                parse(Tables.views("UTC"), "views_2.csv", "platform,post_id,views\nyt,v1,1500\n"));

    assertThat(e.getMessage(), containsString("views_2.csv"));
    assertThat(e.getMessage(), containsString("observed_at"));
  }
}
