package org.megaphone.read.exports;

import static org.megaphone.read.exports.ExportValues.count;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.megaphone.read.RowRejected;

/**
 * YouTube Studio > Analytics > Advanced mode > Export current view > CSV: a zip holding "Table
 * data.csv" (a row per video and a Total row) and "Chart data.csv" (a row per day and video of the
 * charted metric). Columns follow the metrics the user picked; dates are {@code Mar 23, 2020}
 * (publish time, no time of day) and {@code 2020-03-23} (Date). Ids that start with '-' carry a
 * leading space. Sources: real exports committed to public repositories
 * (priyankapatel05/YouTube-Channel-Analytics-Dashboard, joshcirre/joshcirre,
 * areikher/YouTube_Channel_Repo: "Table data.csv", "Chart data.csv"). A channel's export names no
 * channel: the handle comes from the folder name or exports/sources.csv. An export of a date range
 * (not Lifetime) writes net counts, likes gained minus likes removed in the range, which go
 * negative (about a third of the rows of one real channel's export): a negative likes, comments or
 * shares cell is read as 0 and counted ({@link Adjustments#NET_COUNTS_AS_ZERO}), not rejected.
 *
 * <p>In other UI languages the column names and the total row's label follow the language, and the
 * publish time stays {@code Mar 23, 2020} (parsers of German, Portuguese, Spanish and Italian
 * exports read it with {@code %b %d, %Y}). The names below are the ones seen in public repositories
 * (runbooks/export-formats.md lists each with its source): German from wdr-data/wdr-okr
 * (okr/admin/youtube.py: Videos, Videotitel, Veröffentlichungszeitpunkt des Videos, Aufrufe,
 * Gesamt; it also strips soft hyphens) and a report script that sums "Mag ich"-Bewertungen,
 * Kommentare hinzugefügt and Geteilte Inhalte; Portuguese from a script reading "Dados da
 * tabela.csv" (Vídeo, Marcações "Gostei") and an export header with real rows (Conteúdo, Título do
 * vídeo, Horário de publicação do vídeo); Spanish, Italian and Swedish from parsers of their
 * exports (Contenido, Título del vídeo, Hora de publicación del vídeo, Visualizaciones; Contenuti,
 * Titolo video, Ora pubblicazione video, Visualizzazioni, Totale; Innehåll, Videotitel,
 * Publiceringstid för video, Visningar, Totalt, Datum). No Finnish export was found.
 */
final class YouTubeStudio {
  private YouTubeStudio() {}

  /** Column names of other UI languages, with the English one each stands for. */
  static final Map<String, String> LOCALIZED =
      ExportProfile.localized(
          // German
          "Videos", "Content",
          "Videotitel", "Video title",
          "Veröffentlichungszeitpunkt des Videos", "Video publish time",
          "Aufrufe", "Views",
          "\"Mag ich\"-Bewertungen", "Likes",
          "Kommentare hinzugefügt", "Comments added",
          "Geteilte Inhalte", "Shares",
          "Datum", "Date",
          // Portuguese (Brazil)
          "Conteúdo", "Content",
          "Vídeo", "Content",
          "Título do vídeo", "Video title",
          "Horário de publicação do vídeo", "Video publish time",
          "Visualizações", "Views",
          "Marcações \"Gostei\"", "Likes",
          "Data", "Date",
          // Spanish
          "Contenido", "Content",
          "Título del vídeo", "Video title",
          "Hora de publicación del vídeo", "Video publish time",
          "Visualizaciones", "Views",
          // Italian
          "Contenuti", "Content",
          "Titolo video", "Video title",
          "Ora pubblicazione video", "Video publish time",
          "Visualizzazioni", "Views",
          // Swedish ("Videotitel" as in German)
          "Innehåll", "Content",
          "Publiceringstid för video", "Video publish time",
          "Visningar", "Views");

  /** The total row's label in the languages above (Portuguese and Spanish write "Total"). */
  static final Set<String> TOTAL = Set.of("total", "gesamt", "totale", "totalt");

  static boolean isTotal(NativeRow row) {
    String content = row.get("content");
    return content != null
        && TOTAL.contains(content.replace("\u00ad", "").toLowerCase(Locale.ROOT));
  }

  static String url(String videoId) {
    return "https://www.youtube.com/watch?v=" + videoId;
  }

  /** "Table data.csv": a posts row and, given the export's date, a views snapshot per video. */
  static final class Table extends ExportProfile {
    Table() {
      super(
          "youtube-studio-table",
          "YouTube Studio > Analytics > Advanced mode > Export current view > CSV: \"Table data.csv\"",
          "content",
          "video title",
          "video publish time",
          "views");
    }

    @Override
    protected Map<String, String> localizedColumns() {
      return LOCALIZED;
    }

    @Override
    protected boolean skip(NativeRow row) {
      return isTotal(row);
    }

    @Override
    protected Mapped map(NativeRow row, ExportFile file) {
      String id = required(row, "content");
      String published =
          ExportValues.timestamp(
              "video publish time", required(row, "video publish time"), file, "MMM d, uuuu");
      return new Mapped(
          Mapped.post(
              "youtube",
              id,
              handleOf(file),
              published,
              row.get("video title"),
              url(id),
              null,
              ExportValues.netCount("likes", row.get("likes"), row),
              ExportValues.netCount("comments added", row.get("comments added", "comments"), row),
              ExportValues.netCount("shares", row.get("shares"), row),
              null,
              null,
              file.exportedAt()),
          Mapped.views("youtube", id, file.exportedAt(), row.count("views", "views")));
    }
  }

  /**
   * "Chart data.csv" with the Views metric: daily views per video become cumulative snapshots, the
   * running total at the end of each day.
   */
  static final class Chart extends ExportProfile {
    Chart() {
      super(
          "youtube-studio-chart",
          "YouTube Studio > Analytics > Advanced mode > Export current view > CSV: \"Chart data.csv\" (metric Views)",
          "date",
          "content",
          "video title",
          "video publish time",
          "views");
    }

    @Override
    public String mainTable() {
      return "views";
    }

    @Override
    protected Map<String, String> localizedColumns() {
      return LOCALIZED;
    }

    @Override
    protected boolean skip(NativeRow row) {
      return isTotal(row);
    }

    @Override
    protected Mapped map(NativeRow row, ExportFile file) {
      throw new UnsupportedOperationException("chart rows depend on each other: see mapAll");
    }

    @Override
    public List<Outcome> mapAll(List<ExportRecord> records, ExportFile file) {
      // Validate each row, then add each video's days up in date order.
      List<Outcome> out = new ArrayList<>(records.size());
      Map<String, TreeMap<String, ExportRecord>> byVideo = new LinkedHashMap<>();
      Map<ExportRecord, Long> daily = new LinkedHashMap<>();
      for (ExportRecord r : records) {
        if (skip(r.row())) {
          continue;
        }
        try {
          String id = required(r.row(), "content");
          String date = required(r.row(), "date");
          ExportValues.endOfDay("date", date, file.localZone());
          long views = Long.parseLong(count("views", required(r.row(), "views")));
          TreeMap<String, ExportRecord> days = byVideo.computeIfAbsent(id, k -> new TreeMap<>());
          if (days.containsKey(date)) {
            throw new RowRejected("a second row for video " + id + " on " + date);
          }
          days.put(date, r);
          daily.put(r, views);
        } catch (RowRejected e) {
          out.add(new Outcome(r.line(), r.raw(), null, e.getMessage(), false));
        }
      }
      for (Map.Entry<String, TreeMap<String, ExportRecord>> video : byVideo.entrySet()) {
        long total = 0;
        for (Map.Entry<String, ExportRecord> day : video.getValue().entrySet()) {
          ExportRecord r = day.getValue();
          total += daily.get(r);
          out.add(
              new Outcome(
                  r.line(),
                  r.raw(),
                  new Mapped(
                      null,
                      Mapped.views(
                          "youtube",
                          video.getKey(),
                          ExportValues.endOfDay("date", day.getKey(), file.localZone()),
                          Long.toString(total))),
                  null,
                  false));
        }
      }
      return out;
    }
  }
}
