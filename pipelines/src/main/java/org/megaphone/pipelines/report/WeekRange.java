package org.megaphone.pipelines.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.megaphone.pipelines.options.UsageException;
import org.megaphone.read.CsvRecords;
import org.megaphone.reports.Report;
import org.megaphone.rules.Weeks;

/**
 * A range of ISO weeks, both ends included, and the selection of report rows in it (contract copy,
 * D29 and D30): rows whose week is in the range; posts published in it; bulletins sent in it; every
 * reject.
 */
public record WeekRange(String from, String to) {
  static WeekRange of(String from, String to) {
    return new WeekRange(from, to);
  }

  /**
   * The range of --from/--to, each a date (its week) or a week label; an empty end is open. Null
   * when both are empty (no restriction).
   *
   * @throws UsageException for a value that is neither, or a range that ends before it starts
   */
  static WeekRange parse(String from, String to, ZoneId zone) {
    if (from.isEmpty() && to.isEmpty()) {
      return null;
    }
    WeekRange range =
        new WeekRange(
            from.isEmpty() ? "0000-W01" : week("--from", from, zone),
            to.isEmpty() ? "9999-W99" : week("--to", to, zone));
    if (range.from.compareTo(range.to) > 0) {
      throw new UsageException("--from=" + from + " is after --to=" + to);
    }
    return range;
  }

  private static String week(String option, String value, ZoneId zone) {
    if (Weeks.isLabel(value)) {
      return value;
    }
    try {
      LocalDate date = LocalDate.parse(value);
      return Weeks.label(date.atStartOfDay(zone).toInstant().toEpochMilli(), zone);
    } catch (DateTimeException e) {
      // falls through to the usage error
    }
    throw new UsageException(
        option + "=" + value + " is neither a date like 2020-03-16 nor an ISO week like 2020-W12");
  }

  boolean contains(String week) {
    return from.compareTo(week) <= 0 && week.compareTo(to) <= 0;
  }

  /** Copies the header and the rows in range; returns the rows kept. */
  long keep(Path source, Path target, Report report, ZoneId zone) throws IOException {
    List<CsvRecords.CsvRecord> records =
        CsvRecords.parse(Files.readString(source, StandardCharsets.UTF_8), ',');
    long kept = 0;
    try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      if (records.isEmpty()) {
        return 0;
      }
      List<String> header = records.get(0).fields;
      out.write(records.get(0).raw);
      out.write('\n');
      // A row's week is in its week column, or for a bulletin that of its sent_at; rejects have
      // none.
      boolean sent = "sent_at".equals(report.weekColumn());
      int weekColumn =
          sent || report.weekColumn() == null ? -1 : header.indexOf(report.weekColumn());
      int sentColumn = sent ? header.indexOf("sent_at") : -1;
      for (CsvRecords.CsvRecord r : records.subList(1, records.size())) {
        boolean keep;
        if (weekColumn >= 0) {
          keep = contains(r.fields.get(weekColumn));
        } else if (sentColumn >= 0) {
          keep =
              contains(
                  Weeks.label(
                      OffsetDateTime.parse(r.fields.get(sentColumn)).toInstant().toEpochMilli(),
                      zone));
        } else {
          keep = true;
        }
        if (keep) {
          out.write(r.raw);
          out.write('\n');
          kept++;
        }
      }
    }
    return kept;
  }
}
