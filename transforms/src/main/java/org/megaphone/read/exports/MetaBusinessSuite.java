package org.megaphone.read.exports;

import java.util.Locale;
import java.util.Map;

/**
 * Meta Business Suite > Insights > Content > Export data (CSV): one row per post with lifetime
 * metrics as of the export; UTF-8 with BOM, multi-word headers quoted, {@code Publish time} as
 * {@code MM/dd/yyyy HH:mm} without zone (the account's local time), {@code Date} reads "Lifetime".
 * Instagram header from a real export quoted verbatim in
 * SidekickMarketer/sidekickmarketer-claude-skills-library (2025-03_CMA_IG-Insights.csv); Facebook
 * header from two independent parsers of real exports (column lists agree; no raw file found).
 * Older exports carry {@code Impressions} where newer ones carry {@code Views}.
 *
 * <p>The headers follow the user's UI language; the publish time stays {@code MM/dd/yyyy HH:mm}.
 * Swedish names from cgillinger/metaDB (shared/columnConfig.js, an importer of Sveriges Radio's
 * real exports: Publicerings-id, Kontots användarnamn, Sidnamn, Publiceringstid, Permalänk,
 * Gilla-markeringar, Reaktioner, Kommentarer, Delningar, Sparade objekt, Visningar, Beskrivning,
 * Titel); its exports may hold a Swedish and an English column of the same figure, the first
 * non-empty one is read. Italian exports lack a source for the post id, username and permalink
 * columns, and no German, Portuguese, Spanish or Finnish post export was found
 * (runbooks/export-formats.md).
 */
final class MetaBusinessSuite {
  private static final String[] PUBLISH_TIME = {"MM/dd/uuuu HH:mm", "M/d/uuuu H:mm", "MM/dd/uuuu"};

  /** Swedish column names, with the English one each stands for. */
  static final Map<String, String> LOCALIZED =
      ExportProfile.localized(
          "Publicerings-id", "Post ID",
          "Kontots användarnamn", "Account username",
          "Sidnamn", "Page name",
          "Publiceringstid", "Publish time",
          "Permalänk", "Permalink",
          "Gilla-markeringar", "Likes",
          "Reaktioner", "Reactions",
          "Kommentarer", "Comments",
          "Delningar", "Shares",
          "Sparade objekt", "Saves",
          "Visningar", "Views",
          "Beskrivning", "Description",
          "Titel", "Title");

  private MetaBusinessSuite() {}

  static final class Instagram extends ExportProfile {
    Instagram() {
      super(
          "meta-instagram",
          "Meta Business Suite > Insights > Content > Export data (Instagram account)",
          "post id",
          "account username",
          "publish time",
          "permalink",
          "likes");
    }

    @Override
    protected Map<String, String> localizedColumns() {
      return LOCALIZED;
    }

    @Override
    protected Mapped map(NativeRow row, ExportFile file) {
      String id = required(row, "post id");
      return new Mapped(
          Mapped.post(
              "instagram",
              id,
              required(row, "account username"),
              ExportValues.timestamp(
                  "publish time", required(row, "publish time"), file, PUBLISH_TIME),
              row.get("description"),
              row.get("permalink"),
              null,
              row.count("likes", "likes"),
              row.count("comments", "comments"),
              row.count("shares", "shares"),
              row.count("saves", "saves"),
              null,
              file.exportedAt()),
          Mapped.views(
              "instagram", id, file.exportedAt(), row.count("views", "views", "impressions")));
    }
  }

  static final class Facebook extends ExportProfile {
    Facebook() {
      super(
          "meta-facebook",
          "Meta Business Suite > Insights > Content > Export data (Facebook Page)",
          "post id",
          "page name",
          "publish time",
          "permalink",
          "reactions");
    }

    @Override
    protected Map<String, String> localizedColumns() {
      return LOCALIZED;
    }

    @Override
    protected Mapped map(NativeRow row, ExportFile file) {
      String id = required(row, "post id");
      String language = row.get("languages");
      // A Page has a display name, not a handle: lower case without spaces, unless sources.csv
      // says.
      String handle =
          file.handle() != null
              ? file.handle()
              : required(row, "page name").toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
      return new Mapped(
          Mapped.post(
              "facebook",
              id,
              handle,
              ExportValues.timestamp(
                  "publish time", required(row, "publish time"), file, PUBLISH_TIME),
              row.get("title", "description"),
              row.get("permalink"),
              language != null && language.matches("[A-Za-z]{2}") ? language : null,
              row.count("reactions", "reactions"),
              row.count("comments", "comments"),
              row.count("shares", "shares"),
              null,
              null,
              file.exportedAt()),
          Mapped.views(
              "facebook", id, file.exportedAt(), row.count("views", "views", "impressions")));
    }
  }
}
