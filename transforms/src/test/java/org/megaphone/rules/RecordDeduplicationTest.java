package org.megaphone.rules;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.sameInstance;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.megaphone.model.AttributionOverride;
import org.megaphone.model.Bulletin;
import org.megaphone.model.SourceRef;

/** D9: bulletins and overrides keep the greatest raw record, then the one read first (D24). */
class RecordDeduplicationTest {
  private static Bulletin bulletin(String id, String file, long line, String record) {
    return Bulletin.create(
        id,
        "coronafacts",
        0L,
        "fi",
        null,
        List.of("tag"),
        List.of(),
        "title",
        SourceRef.create(file, line, record));
  }

  private static AttributionOverride override(
      String postId, String entityId, String file, long line) {
    String record = "instagram," + postId + "," + entityId;
    return AttributionOverride.create(
        "instagram", postId, entityId, SourceRef.create(file, line, record));
  }

  @Test
  void theGreatestRawRecordWinsWhateverTheOrderRead() {
    Bulletin small = bulletin("b1", "bulletins.csv", 2, "b1,coronafacts,2020-03-23");
    Bulletin great = bulletin("b1", "bulletins.csv", 3, "b1,coronafacts,2020-03-24");

    assertThat(RecordDeduplication.bulletins(List.of(small, great)), contains(sameInstance(great)));
    assertThat(RecordDeduplication.bulletins(List.of(great, small)), contains(sameInstance(great)));
    assertThat(RecordDeduplication.byRawBulletin(great, small), is(greaterThan(0)));
    assertThat(RecordDeduplication.byRawBulletin(small, great), is(lessThan(0)));
  }

  @Test
  void recordsCompareByCodePointNotByUtf16Unit() {
    // U+FF61 is greater than U+1F600 as a UTF-16 unit (0xD83D), smaller as a code point.
    Bulletin halfwidth = bulletin("b1", "bulletins.csv", 2, "b1,\uFF61");
    Bulletin emoji = bulletin("b1", "bulletins.csv", 3, "b1,\uD83D\uDE00");

    assertThat(
        RecordDeduplication.bulletins(List.of(halfwidth, emoji)), contains(sameInstance(emoji)));
  }

  @Test
  void identicalRecordsKeepTheOneReadFirstByFileThenLine() {
    Bulletin later = bulletin("b1", "bulletins_b.csv", 2, "b1,same");
    Bulletin first = bulletin("b1", "bulletins_a.csv", 9, "b1,same");
    Bulletin firstLine = bulletin("b1", "bulletins_a.csv", 3, "b1,same");

    assertThat(
        RecordDeduplication.bulletins(List.of(later, first, firstLine)),
        contains(sameInstance(firstLine)));
    assertThat(
        RecordDeduplication.bulletins(List.of(firstLine, first, later)),
        contains(sameInstance(firstLine)));
  }

  @Test
  void overridesAreKeptOnePerPostInPostKeyOrder() {
    AttributionOverride p2 = override("p2", "anna", "overrides.csv", 2);
    AttributionOverride p1Anna = override("p1", "anna", "overrides.csv", 3);
    AttributionOverride p1Bo = override("p1", "bo", "overrides.csv", 4);

    assertThat(
        RecordDeduplication.overrides(List.of(p2, p1Bo, p1Anna)),
        contains(sameInstance(p1Bo), sameInstance(p2)));
    assertThat(RecordDeduplication.overrides(List.of()), is(empty()));
  }

  @Test
  void rowsOfDifferentKeysAreAllKept() {
    Bulletin b2 = bulletin("b2", "bulletins.csv", 2, "b2");
    Bulletin b1 = bulletin("b1", "bulletins.csv", 3, "b1");

    assertThat(
        RecordDeduplication.bulletins(List.of(b2, b1)),
        contains(sameInstance(b1), sameInstance(b2)));
  }
}
