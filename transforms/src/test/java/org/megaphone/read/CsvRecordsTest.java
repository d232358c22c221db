package org.megaphone.read;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract section 2 (CSV rules) and decisions D2/D3, on the tokenizer alone. */
class CsvRecordsTest {

  private static List<CsvRecords.CsvRecord> parse(String text) {
    return CsvRecords.parse(text, ',');
  }

  private static void assertWellFormed(
      CsvRecords.CsvRecord actual, long line, String raw, String... fields) {
    assertThat(actual.error, is(nullValue()));
    assertThat(actual.line, is(line));
    assertThat(actual.raw, is(raw));
    assertThat(actual.fields, contains(fields));
  }

  private static void assertMalformed(CsvRecords.CsvRecord actual, long line, String raw) {
    assertThat(actual.error, startsWith("malformed CSV record"));
    assertThat(actual.line, is(line));
    assertThat(actual.raw, is(raw));
    assertThat(actual.fields, is(empty()));
  }

  // --- records, lines and raw text ---

  @Test
  void headerIsTheFirstRecordOnLineOneAndEachLfEndsARecord() {
    List<CsvRecords.CsvRecord> records = parse("a,b\n1,2\n3,4\n");

    assertThat(records, hasSize(3));
    assertWellFormed(records.get(0), 1, "a,b", "a", "b");
    assertWellFormed(records.get(1), 2, "1,2", "1", "2");
    assertWellFormed(records.get(2), 3, "3,4", "3", "4");
  }

  @Test
  void lastRecordWithoutLineTerminatorIsStillARecord() {
    List<CsvRecords.CsvRecord> records = parse("a,b\n1,2");

    assertThat(records, hasSize(2));
    assertWellFormed(records.get(1), 2, "1,2", "1", "2");
  }

  @Test
  void fieldsAreNotTrimmedByTheTokenizerAndRawKeepsTheSpaces() {
    List<CsvRecords.CsvRecord> records = parse("a,b\n 1 , 2 \n");

    assertWellFormed(records.get(1), 2, " 1 , 2 ", " 1 ", " 2 ");
  }

  // --- quoting ---

  @Test
  void quotedFieldHoldsDelimiterAndDoubledQuotes() {
    List<CsvRecords.CsvRecord> records = parse("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n");

    assertWellFormed(records.get(1), 2, "\"x, y\",\"say \"\"hi\"\"\"", "x, y", "say \"hi\"");
  }

  @Test
  void emptyQuotedFieldIsAnEmptyString() {
    List<CsvRecords.CsvRecord> records = parse("a,b\n\"\",x\n");

    assertWellFormed(records.get(1), 2, "\"\",x", "", "x");
  }

  @Test
  void quotedNewlinesKeepTheRecordTogetherAndLaterRecordsStartOnTheirPhysicalLine() {
    // line 2: 1,"a      line 3: (empty, inside quotes)      line 4: b      line 5: c"
    List<CsvRecords.CsvRecord> records = parse("id,text\n1,\"a\n\nb\nc\"\n2,x\n");

    assertThat(records, hasSize(3));
    assertWellFormed(records.get(1), 2, "1,\"a\n\nb\nc\"", "1", "a\n\nb\nc");
    assertWellFormed(records.get(2), 6, "2,x", "2", "x");
  }

  @Test
  void quoteInsideAnUnquotedFieldIsLiteral() {
    List<CsvRecords.CsvRecord> records = parse("a,b\n5 \"inch\" screen,ab\"c\n");

    assertWellFormed(records.get(1), 2, "5 \"inch\" screen,ab\"c", "5 \"inch\" screen", "ab\"c");
  }

  // --- line endings ---

  @Test
  void crlfEndsRecordsAndIsNotPartOfTheRawRecord() {
    List<CsvRecords.CsvRecord> records = parse("a,b\r\n1,2\r\n3,\"x\r\ny\"\r\n4,5\r\n");

    assertThat(records, hasSize(4));
    assertWellFormed(records.get(0), 1, "a,b", "a", "b");
    assertWellFormed(records.get(1), 2, "1,2", "1", "2");
    assertWellFormed(records.get(2), 3, "3,\"x\r\ny\"", "3", "x\r\ny");
    assertWellFormed(records.get(3), 5, "4,5", "4", "5");
  }

  @Test
  void loneCrEndsRecordsAndCountsAsALineBreak() {
    List<CsvRecords.CsvRecord> records = parse("a,b\r1,2\r3,4");

    assertThat(records, hasSize(3));
    assertWellFormed(records.get(1), 2, "1,2", "1", "2");
    assertWellFormed(records.get(2), 3, "3,4", "3", "4");
  }

  @Test
  void loneCrInsideQuotesIsKeptAndCountsAsALine() {
    List<CsvRecords.CsvRecord> records = parse("a,b\r1,\"x\ry\"\r2,3\r");

    assertThat(records, hasSize(3));
    assertWellFormed(records.get(1), 2, "1,\"x\ry\"", "1", "x\ry");
    assertWellFormed(records.get(2), 4, "2,3", "2", "3");
  }

  // --- blank lines ---

  @Test
  void blankAndWhitespaceOnlyLinesAreSkippedButStillCounted() {
    // 1 a,b | 2 (empty) | 3 1,2 | 4 "   " | 5 "\t " CRLF | 6 3,4 | 7 (empty)
    List<CsvRecords.CsvRecord> records = parse("a,b\n\n1,2\n   \n\t \r\n3,4\n\n");

    assertThat(records, hasSize(3));
    assertWellFormed(records.get(1), 3, "1,2", "1", "2");
    assertWellFormed(records.get(2), 6, "3,4", "3", "4");
  }

  @Test
  void blankLinesBeforeTheHeaderAreSkipped() {
    List<CsvRecords.CsvRecord> records = parse("\n\na,b\n1,2\n");

    assertThat(records, hasSize(2));
    assertWellFormed(records.get(0), 3, "a,b", "a", "b");
    assertWellFormed(records.get(1), 4, "1,2", "1", "2");
  }

  @Test
  void whitespaceOnlyLastLineWithoutTerminatorIsNotARecord() {
    List<CsvRecords.CsvRecord> records = parse("a,b\n1,2\n \t ");

    assertThat(records, hasSize(2));
  }

  @Test
  void emptyTextHasNoRecords() {
    assertThat(parse(""), is(empty()));
  }

  // --- trailing delimiter ---

  @Test
  void trailingDelimiterGivesAnEmptyLastField() {
    List<CsvRecords.CsvRecord> records = parse("a,b,c\n1,2,\n,,\n");

    assertWellFormed(records.get(1), 2, "1,2,", "1", "2", "");
    assertWellFormed(records.get(2), 3, ",,", "", "", "");
  }

  @Test
  void trailingDelimiterAtEndOfTextGivesAnEmptyLastField() {
    List<CsvRecords.CsvRecord> records = parse("a,b,c\n1,2,");

    assertWellFormed(records.get(1), 2, "1,2,", "1", "2", "");
  }

  // --- malformed records ---

  @Test
  void closingQuoteFollowedByTextIsMalformedAndParsingResumesOnNextLine() {
    List<CsvRecords.CsvRecord> records = parse("a,b\n\"x\"y,2\n3,4\n");

    assertThat(records, hasSize(3));
    assertMalformed(records.get(1), 2, "\"x\"y,2");
    assertWellFormed(records.get(2), 3, "3,4", "3", "4");
  }

  @Test
  void resynchronisationIgnoresAQuoteLaterOnTheMalformedLine() {
    // The opening quote after the error must not swallow the next line.
    List<CsvRecords.CsvRecord> records = parse("a,b\n\"x\"y,\"open\n3,4\n");

    assertThat(records, hasSize(3));
    assertMalformed(records.get(1), 2, "\"x\"y,\"open");
    assertWellFormed(records.get(2), 3, "3,4", "3", "4");
  }

  @Test
  void closingQuoteFollowedBySpaceBeforeDelimiterIsMalformed() {
    List<CsvRecords.CsvRecord> records = parse("a,b\n\"x\" ,2\n3,4\n");

    assertMalformed(records.get(1), 2, "\"x\" ,2");
    assertWellFormed(records.get(2), 3, "3,4", "3", "4");
  }

  @Test
  void malformedMultiLineRecordRejectsOnlyItsFirstLineAndReadsTheNextLinesOnTheirOwn() {
    // line 2: "x     line 3: y"z,2     line 4: 3,4 — line 3 is a record of the header's width
    List<CsvRecords.CsvRecord> records = parse("a,b\n\"x\ny\"z,2\n3,4\n");

    assertThat(records, hasSize(4));
    assertMalformed(records.get(1), 2, "\"x");
    assertThat(records.get(1).error, containsString("lines 2-3"));
    assertWellFormed(records.get(2), 3, "y\"z,2", "y\"z", "2");
    assertWellFormed(records.get(3), 4, "3,4", "3", "4");
  }

  @Test
  void unclosedQuoteRejectsItsLineAndTheLinesAfterItAreStillRead() {
    List<CsvRecords.CsvRecord> records = parse("a,b\n1,2\n3,\"open\nmore, stuff\n4,5\n");

    assertThat(records, hasSize(5));
    assertWellFormed(records.get(1), 2, "1,2", "1", "2");
    assertMalformed(records.get(2), 3, "3,\"open");
    assertThat(records.get(2).error, containsString("never closed"));
    assertWellFormed(records.get(3), 4, "more, stuff", "more", " stuff");
    assertWellFormed(records.get(4), 5, "4,5", "4", "5");
  }

  @Test
  void strayQuoteInAViewsFileCostsOneLineNotTheRestOfTheFile() {
    // The reproduction: a quote before a timestamp, in a file without any other quote.
    StringBuilder text = new StringBuilder("platform,post_id,observed_at,views\n");
    for (int i = 2; i <= 600; i++) {
      text.append("youtube,v")
          .append(i)
          .append(i == 101 ? ",\"2020-04-01" : ",2020-04-01")
          .append(",5\n");
    }
    List<CsvRecords.CsvRecord> records = parse(text.toString());

    assertThat(records, hasSize(600));
    long malformed = records.stream().filter(r -> r.error != null).count();
    assertThat(malformed, is(1L));
    assertMalformed(records.get(100), 101, "youtube,v101,\"2020-04-01,5");
    assertWellFormed(
        records.get(101), 102, "youtube,v102,2020-04-01,5", "youtube", "v102", "2020-04-01", "5");
  }

  @Test
  void strayQuoteMidPostsDoesNotSwallowTheNextValidPost() {
    // The stray quote pairs with the opening quote of the next line's caption.
    List<CsvRecords.CsvRecord> records =
        parse("id,at,text\n1,\"2020,plain\n2,2020,\"a, quoted caption\"\n3,2020,x\n");

    assertThat(records, hasSize(4));
    assertMalformed(records.get(1), 2, "1,\"2020,plain");
    assertWellFormed(
        records.get(2), 3, "2,2020,\"a, quoted caption\"", "2", "2020", "a, quoted caption");
    assertWellFormed(records.get(3), 4, "3,2020,x", "3", "2020", "x");
  }

  @Test
  void wellFormedMultiLineRecordOfTheHeadersWidthIsKept() {
    List<CsvRecords.CsvRecord> records = parse("id,text\n1,\"line one\nline two\"\n");

    assertWellFormed(records.get(1), 2, "1,\"line one\nline two\"", "1", "line one\nline two");
  }

  @Test
  void multiLineRecordOfAnotherWidthIsCutAtItsFirstLine() {
    // A quote that closes on a later line into a record of three fields, where the header has two.
    List<CsvRecords.CsvRecord> records = parse("a,b\n1,\"x\n2\",3\n4,5\n");

    assertMalformed(records.get(1), 2, "1,\"x");
    assertThat(records.get(1).error, containsString("3 fields where the header has 2"));
    // Read on its own, line 3 is two fields (a quote inside an unquoted field is literal).
    assertWellFormed(records.get(2), 3, "2\",3", "2\"", "3");
    assertWellFormed(records.get(3), 4, "4,5", "4", "5");
  }

  @Test
  void quotedFieldOverTheLineBoundIsCutAtItsFirstLine() {
    StringBuilder text = new StringBuilder("a,b\n1,\"start\n");
    for (int i = 0; i < CsvRecords.MAX_RECORD_LINES + 5; i++) {
      text.append("x\n");
    }
    text.append("\"\n");
    List<CsvRecords.CsvRecord> records = parse(text.toString());

    assertMalformed(records.get(1), 2, "1,\"start");
    assertThat(
        records.get(1).error,
        containsString("more than " + CsvRecords.MAX_RECORD_LINES + " lines"));
    // Every following line is read on its own: "x" is one field where the header has two.
    assertThat(records.get(2).line, is(3L));
  }

  @Test
  void unclosedQuoteAtEndOfCrlfFileRejectsItsLineAndTheNextLineOnItsOwn() {
    List<CsvRecords.CsvRecord> records = parse("a,b\r\n3,\"open\r\nx\r\n");

    assertThat(records, hasSize(3));
    assertMalformed(records.get(1), 2, "3,\"open");
    assertWellFormed(records.get(2), 3, "x", "x");
  }

  @Test
  void unclosedQuoteWithoutFinalNewlineKeepsAllOfTheRest() {
    List<CsvRecords.CsvRecord> records = parse("a,b\n3,\"open");

    assertMalformed(records.get(1), 2, "3,\"open");
  }

  @Test
  void lineLongerThanTheBoundIsRejectedByItsFirstCharactersAndTheNextLineIsRead() {
    String huge = "y".repeat(CsvRecords.MAX_RECORD_CHARS + 10);
    List<CsvRecords.CsvRecord> records = parse("a,b\n1," + huge + "\n2,3\n");

    assertThat(records, hasSize(3));
    assertThat(records.get(1).error, containsString("longer than"));
    assertThat(records.get(1).raw.length(), is(CsvRecords.RAW_KEPT_CHARS + 1));
    assertWellFormed(records.get(2), 3, "2,3", "2", "3");
  }

  @Test
  void nulCharacterMakesTheRecordMalformedAndIsNotCopiedToTheRawText() {
    List<CsvRecords.CsvRecord> records = parse("a,b\n1,ab\u0000c\n2,3\n");

    assertMalformed(records.get(1), 2, "1,ab\uFFFDc");
    assertThat(records.get(1).error, containsString("NUL"));
    assertWellFormed(records.get(2), 3, "2,3", "2", "3");
  }

  @Test
  void recordsAreReadFromAReaderInSmallChunksWithTheSameResult() throws IOException {
    String text = "id,text\n1,\"a\nb\"\n\n2,\"x,y\"\r\n3,z";
    List<CsvRecords.CsvRecord> whole = parse(text);
    List<CsvRecords.CsvRecord> chunked = new ArrayList<>();
    // A reader that hands out one character at a time crosses every buffer boundary.
    Reader trickle =
        new FilterReader(new StringReader(text)) {
          @Override
          public int read(char[] cbuf, int off, int len) throws IOException {
            return super.read(cbuf, off, Math.min(1, len));
          }
        };
    CsvRecords.forEach(trickle, ',', chunked::add);

    assertThat(chunked, hasSize(whole.size()));
    for (int i = 0; i < whole.size(); i++) {
      assertThat(chunked.get(i).raw, is(whole.get(i).raw));
      assertThat(chunked.get(i).line, is(whole.get(i).line));
      assertThat(chunked.get(i).fields, is(whole.get(i).fields));
    }
  }

  // --- delimiter ---

  @Test
  void delimiterIsSemicolonWhenTheHeaderHasMoreSemicolonsThanCommas() {
    assertThat(CsvRecords.detectDelimiter("a;b;c\n1,2,3,4,5\n"), is(';'));
    assertThat(CsvRecords.detectDelimiter("a;b;c,d\n"), is(';'));
    assertThat(CsvRecords.detectDelimiter("a;b\r\n1;2\r\n"), is(';'));
  }

  @Test
  void delimiterIsCommaOnATieOrWithMoreCommas() {
    assertThat(CsvRecords.detectDelimiter("a,b,c\n"), is(','));
    assertThat(CsvRecords.detectDelimiter("a;b,c\n"), is(','));
    assertThat(CsvRecords.detectDelimiter("abc\n"), is(','));
  }

  @Test
  void delimiterDetectionLooksOnlyAtTheHeaderLine() {
    assertThat(CsvRecords.detectDelimiter("a,b\nc;d;e;f\n"), is(','));
    assertThat(CsvRecords.detectDelimiter("a,b\rc;d;e;f\r"), is(','));
  }

  @Test
  void delimiterDetectionStopsAtTheFirstQuote() {
    assertThat(CsvRecords.detectDelimiter("a,\"x;y;z\"\n"), is(','));
    assertThat(CsvRecords.detectDelimiter("a;b;\"c,d,e,f\"\n"), is(';'));
  }

  @Test
  void exportsMayBeTabSeparatedButCanonicalFilesNot() {
    assertThat(CsvRecords.detectExportDelimiter("Date\tViews\tTitle, long\n"), is('\t'));
    assertThat(CsvRecords.detectExportDelimiter("a\tb,c,d\n"), is(','));
    assertThat(CsvRecords.detectDelimiter("Date\tViews\tTitle, long\n"), is(','));
    assertThat(CsvRecords.parse("a\tb\n1\t\"x\ty\"\n", '\t').get(1).fields, contains("1", "x\ty"));
  }

  @Test
  void semicolonFileTreatsCommasAsDataAndQuotesSemicolons() {
    List<CsvRecords.CsvRecord> records = CsvRecords.parse("a;b\n1,5;\"x;y\"\n", ';');

    assertWellFormed(records.get(1), 2, "1,5;\"x;y\"", "1,5", "x;y");
  }
}
