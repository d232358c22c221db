package org.megaphone.read.exports;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.megaphone.read.RowRejected;

/**
 * TikTok Studio > Analytics > Content > Download data: "Content.csv", one row per recent video,
 * every field quoted: {@code "Time","Video title","Video link","Post time","Total likes","Total
 * comments","Total shares","Total views"}. {@code Post time} has no year (and follows the UI
 * language), so the upload time comes from the video id, whose top 32 bits are the Unix second of
 * the upload. Sources: a real export pasted in blessandsoul/AICONTENT
 * (scripts/process_provided_stats.py) and parsers that import the real zip. TikTok Studio does not
 * escape quotes inside its quoted titles ({@code "My "best" day"}): such a record is repaired where
 * that gives the header's number of fields ({@link QuoteRepair}) and counted.
 *
 * <p>Other UI languages: under Spanish (and, by a weaker source, Italian) the headers stay English
 * and only {@code Post time} is localized ({@code 28 de febrero}; aroaxinping/tokpipe
 * src/tokpipe/ingest.py), which this profile does not read. A Swedish export seen in
 * cgillinger/metaDB (shared/columnConfig.js and a test row with a real video link) names its
 * columns Videotitel, Videolänk, Publiceringstid, Videovisningar, Gilla-markeringar, Kommentarer,
 * Delningar, Lägg till i Favoriter: read as the English ones. No German, Portuguese or Finnish
 * export was found.
 */
final class TikTokStudio extends ExportProfile {
  private static final Pattern LINK = Pattern.compile("tiktok\\.com/@([^/?#]+)/video/(\\d+)");

  TikTokStudio() {
    super(
        "tiktok-studio",
        "TikTok Studio > Analytics > Content > Download data: \"Content.csv\"",
        "video title",
        "video link",
        "post time",
        "total likes");
  }

  /** Swedish column names, with the English one each stands for. */
  private static final Map<String, String> LOCALIZED =
      ExportProfile.localized(
          "Videotitel", "Video title",
          "Videolänk", "Video link",
          "Publiceringstid", "Post time",
          "Videovisningar", "Total views",
          "Gilla-markeringar", "Total likes",
          "Kommentarer", "Total comments",
          "Delningar", "Total shares",
          "Lägg till i Favoriter", "Add to favorites");

  @Override
  protected Map<String, String> localizedColumns() {
    return LOCALIZED;
  }

  @Override
  public boolean repairsUnescapedQuotes() {
    return true;
  }

  /** The upload instant a TikTok video id carries. */
  static Instant uploadedAt(String videoId) {
    return Instant.ofEpochSecond(Long.parseUnsignedLong(videoId) >>> 32);
  }

  @Override
  protected Mapped map(NativeRow row, ExportFile file) {
    String link = required(row, "video link");
    Matcher m = LINK.matcher(link);
    if (!m.find()) {
      throw new RowRejected("not a TikTok video link: video link='" + link + "'");
    }
    String id = m.group(2);
    return new Mapped(
        Mapped.post(
            "tiktok",
            id,
            m.group(1),
            ExportValues.iso(uploadedAt(id), file.zone()),
            row.get("video title"),
            link,
            null,
            row.count("total likes", "total likes"),
            row.count("total comments", "total comments"),
            row.count("total shares", "total shares"),
            row.count("total bookmarks", "total bookmarks", "add to favorites"),
            null,
            file.exportedAt()),
        Mapped.views(
            "tiktok",
            id,
            file.exportedAt(),
            row.count("total views", "total views", "video views")));
  }
}
