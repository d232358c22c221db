package org.megaphone.read.exports;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.megaphone.read.InputException;

/**
 * Time-zone abbreviations as exports write them ({@code 2021-07-05 18:02:45 BRT}: CrowdTangle
 * writes the zone of whoever downloaded the file), read as an offset at the written local time.
 *
 * <p>The table is complete in this sense: every abbreviation that the JDK's time-zone names give a
 * zone (standard or daylight, about 280, the letter abbreviations of the tz database before it
 * replaced many with numbers in 2017, which is what CrowdTangle still wrote in 2021–2024: BRT,
 * NZDT, SGT, CEST, EDT …), plus numeric ones ({@code -03}, {@code +0530}). An abbreviation is read
 * as the offset of the zones that use it, at that local time, in the kind it names (a daylight
 * abbreviation only where that zone keeps daylight time then). Where those zones disagree (IST:
 * India, Ireland, Israel; CST: the US, China, Cuba; BST: Britain, Bangladesh), it is resolved by
 * the file's zone in exports/sources.csv ({@code zone} column), else by --timezone when that zone
 * uses it; otherwise the run stops with a message naming the abbreviation and the column to set. An
 * abbreviation no zone uses stops the run the same way, unless sources.csv names the file's zone.
 * An abbreviation with one meaning is read as it says, whatever zone sources.csv names. A few have
 * one meaning by convention whatever else uses them (EET, CET, PST, EST …: {@link #CONVENTIONAL}).
 */
final class ZoneAbbreviations {
  /** What a cell may end with as a zone: upper-case letters, or a numeric offset. */
  static final Pattern ABBREVIATION = Pattern.compile("[A-Z]{2,6}|Z|[+-]\\d{2}(?::?\\d{2})?");

  /**
   * Abbreviations read as one offset whatever other zones use them (Istanbul is still "EET" in the
   * JDK's names at +03:00; Manila's standard time is also "PST").
   */
  static final Map<String, ZoneOffset> CONVENTIONAL =
      Map.ofEntries(
          Map.entry("UTC", ZoneOffset.UTC),
          Map.entry("GMT", ZoneOffset.UTC),
          Map.entry("Z", ZoneOffset.UTC),
          Map.entry("WET", ZoneOffset.UTC),
          Map.entry("WEST", ZoneOffset.ofHours(1)),
          Map.entry("CET", ZoneOffset.ofHours(1)),
          Map.entry("CEST", ZoneOffset.ofHours(2)),
          Map.entry("EET", ZoneOffset.ofHours(2)),
          Map.entry("EEST", ZoneOffset.ofHours(3)),
          Map.entry("MSK", ZoneOffset.ofHours(3)),
          Map.entry("EST", ZoneOffset.ofHours(-5)),
          Map.entry("EDT", ZoneOffset.ofHours(-4)),
          Map.entry("MST", ZoneOffset.ofHours(-7)),
          Map.entry("MDT", ZoneOffset.ofHours(-6)),
          Map.entry("PST", ZoneOffset.ofHours(-8)),
          Map.entry("PDT", ZoneOffset.ofHours(-7)));

  /** A zone that uses an abbreviation, for its standard or its daylight time. */
  record Use(ZoneId zone, boolean daylight) {}

  private static final class Table {
    static final Map<String, List<Use>> USES = build();

    private static Map<String, List<Use>> build() {
      Map<String, List<Use>> uses = new HashMap<>();
      for (String id : TimeZone.getAvailableIDs()) {
        if (!id.matches(
            "(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+")) {
          continue;
        }
        TimeZone tz = TimeZone.getTimeZone(id);
        for (boolean daylight : new boolean[] {false, true}) {
          String name = tz.getDisplayName(daylight, TimeZone.SHORT, Locale.ENGLISH);
          if (name.matches("[A-Z]{2,6}")) {
            uses.computeIfAbsent(name, k -> new ArrayList<>())
                .add(new Use(ZoneId.of(id), daylight));
          }
        }
      }
      return uses;
    }
  }

  private ZoneAbbreviations() {}

  /** The zones that use an abbreviation (empty when none does). */
  static List<Use> uses(String abbreviation) {
    return Table.USES.getOrDefault(abbreviation, List.of());
  }

  /**
   * The offset an abbreviation stands for at a local time.
   *
   * @param fileZone the file's zone from exports/sources.csv, or null
   * @param runZone --timezone
   * @param where the file and cell, for the message
   * @throws InputException when it cannot be read as one offset
   */
  static ZoneOffset offset(
      String abbreviation, LocalDateTime local, ZoneId fileZone, ZoneId runZone, String where) {
    if (abbreviation.startsWith("+") || abbreviation.startsWith("-")) {
      String a = abbreviation.length() == 3 ? abbreviation + ":00" : abbreviation;
      return ZoneOffset.of(a.length() == 5 ? a.substring(0, 3) + ":" + a.substring(3) : a);
    }
    ZoneOffset conventional = CONVENTIONAL.get(abbreviation);
    if (conventional != null) {
      return conventional;
    }
    List<Use> uses = uses(abbreviation);
    if (uses.isEmpty() && fileZone != null) {
      // The user named the zone the export was downloaded in: its offset at that local time.
      return offsetIn(fileZone, local);
    }
    if (uses.isEmpty()) {
      throw new InputException(
          where
              + ": unknown time zone abbreviation '"
              + abbreviation
              + "'; set the zone column of exports/sources.csv for this file to the zone the export"
              + " was downloaded in (a zone ID such as America/Sao_Paulo)");
    }
    Map<ZoneOffset, ZoneId> byOffset = offsets(uses, local, true);
    if (byOffset.isEmpty()) {
      // No zone keeps that kind of time then (a daylight name in winter): its usual offset.
      byOffset = offsets(uses, local, false);
    }
    if (byOffset.size() == 1) {
      return byOffset.keySet().iterator().next();
    }
    if (fileZone != null) {
      // Ambiguous: the zone the user named for the file decides, in the kind the abbreviation
      // names.
      for (Use use : uses) {
        if (sameZone(use.zone(), fileZone)) {
          ZoneOffset offset = offsetOf(use, local, false);
          if (offset != null) {
            return offset;
          }
        }
      }
      throw new InputException(
          where
              + ": exports/sources.csv gives this file the zone "
              + fileZone.getId()
              + ", which does not use the abbreviation '"
              + abbreviation
              + "' (it stands for "
              + String.join(", ", meanings(byOffset))
              + "); correct the zone column");
    }
    for (Use use : uses) {
      if (sameZone(use.zone(), runZone)) {
        ZoneOffset mine = offsetOf(use, local, false);
        if (byOffset.containsKey(mine)) {
          return mine;
        }
      }
    }
    throw new InputException(
        where
            + ": the time zone abbreviation '"
            + abbreviation
            + "' stands for more than one offset ("
            + String.join(", ", meanings(byOffset))
            + ") and --timezone="
            + runZone.getId()
            + " does not use it; set the zone column of exports/sources.csv for this file to the"
            + " zone the export was downloaded in");
  }

  /** Each offset with its example zone, for messages. */
  private static List<String> meanings(Map<ZoneOffset, ZoneId> byOffset) {
    List<String> meanings = new ArrayList<>();
    byOffset.forEach(
        (offset, zone) -> meanings.add(offset.getId() + " (e.g. " + zone.getId() + ")"));
    return meanings;
  }

  /** Whether two zone IDs keep the same time (Asia/Calcutta and Asia/Kolkata do). */
  private static boolean sameZone(ZoneId a, ZoneId b) {
    return a.equals(b) || a.getRules().equals(b.getRules());
  }

  /** A zone's offset at a local time (the earlier one where the clocks went back). */
  private static ZoneOffset offsetIn(ZoneId zone, LocalDateTime local) {
    return zone.getRules().getOffset(local);
  }

  /**
   * The distinct offsets of the uses at a local time, each with an example zone, in offset order.
   */
  private static Map<ZoneOffset, ZoneId> offsets(
      List<Use> uses, LocalDateTime local, boolean strict) {
    Map<ZoneOffset, ZoneId> byOffset =
        new TreeMap<>((a, b) -> Integer.compare(a.getTotalSeconds(), b.getTotalSeconds()));
    for (Use use : uses) {
      ZoneOffset offset = offsetOf(use, local, strict);
      if (offset != null) {
        byOffset.merge(offset, use.zone(), (a, b) -> a.getId().compareTo(b.getId()) <= 0 ? a : b);
      }
    }
    return byOffset;
  }

  /**
   * A use's offset at a local time: strict, only where the zone keeps that kind of time then (else
   * null); otherwise its standard offset, plus its daylight saving for a daylight name.
   */
  private static ZoneOffset offsetOf(Use use, LocalDateTime local, boolean strict) {
    ZoneRules rules = use.zone().getRules();
    for (ZoneOffset offset : rules.getValidOffsets(local)) {
      if (rules.isDaylightSavings(local.toInstant(offset)) == use.daylight()) {
        return offset;
      }
    }
    if (strict) {
      return null;
    }
    ZoneOffset standard = rules.getStandardOffset(local.toInstant(ZoneOffset.UTC));
    if (!use.daylight()) {
      return standard;
    }
    int savings = TimeZone.getTimeZone(use.zone()).getDSTSavings();
    return savings == 0
        ? null
        : ZoneOffset.ofTotalSeconds(standard.getTotalSeconds() + savings / 1000);
  }
}
