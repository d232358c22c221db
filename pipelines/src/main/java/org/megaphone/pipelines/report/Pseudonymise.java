package org.megaphone.pipelines.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.megaphone.attribution.Roster;
import org.megaphone.pipelines.options.UsageException;
import org.megaphone.read.CsvRecords;
import org.megaphone.read.Locations;
import org.megaphone.reports.Report;
import org.megaphone.rules.Handles;
import org.megaphone.rules.Platforms;
import org.megaphone.write.CsvFiles;
import org.megaphone.write.ReportRow;

/**
 * {@code --pseudonymise}: accounts outside the roster are private people, so their handles and post
 * ids, and mentions of them, are replaced in the reports by a keyed hash: {@code p-} and the first
 * 16 hex digits of HMAC-SHA256(salt, platform:handle) or (salt, platform:post:id). The same value
 * and salt always give the same pseudonym, so rows still join across files and runs; without the
 * salt they cannot be reversed by trying handles. Roster accounts (public officials and influencers
 * who joined the campaign) stay named. A rejected row's raw record is replaced by its keyed hash,
 * since it may hold anything; its file and line still point to it.
 */
public final class Pseudonymise {
  private static final Pattern MENTION = Pattern.compile("@([\\p{L}\\p{N}_.]+)");

  private final Mac mac;
  private final Roster roster;

  /** Literal identifiers seen in the reports (as written) to their pseudonyms, for free text. */
  private final Map<String, String> seen = new TreeMap<>();

  Pseudonymise(byte[] salt, Roster roster) {
    try {
      this.mac = Mac.getInstance("HmacSHA256");
      this.mac.init(new SecretKeySpec(salt, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    this.roster = roster;
  }

  /** Reads the salt: the file's bytes, without a trailing line break; at least 16 bytes. */
  static byte[] salt(String saltFile) {
    if (saltFile == null || saltFile.isEmpty()) {
      throw new UsageException(
          "--pseudonymise needs --saltFile=FILE (a secret of at least 16 bytes, kept out of the outputs)");
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(Locations.read(saltFile)))
              .toString()
              .replaceAll("[\\r\\n]+$", "");
      byte[] salt = text.getBytes(StandardCharsets.UTF_8);
      if (salt.length < 16) {
        throw new UsageException(
            "--saltFile=" + saltFile + " holds fewer than 16 bytes: use a long random secret");
      }
      return salt;
    } catch (IOException e) {
      throw new UsageException("--saltFile=" + saltFile + " cannot be read: " + e.getMessage());
    }
  }

  String pseudonym(String value) {
    byte[] h;
    synchronized (mac) {
      h = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    }
    return "p-" + HexFormat.of().formatHex(h, 0, 8);
  }

  private boolean inRoster(String platform, String handle) {
    return roster.account(platform, handle) != null;
  }

  private String handle(String platform, String handle) {
    if (handle.isEmpty() || inRoster(platform, handle)) {
      return handle;
    }
    String p = pseudonym(platform + ":" + Handles.normalise(handle));
    seen.put(handle, p);
    return p;
  }

  private String postId(String platform, String handle, String postId) {
    if (inRoster(platform, handle)) {
      return postId;
    }
    String p = pseudonym(platform + ":post:" + postId);
    seen.put(postId, p);
    return p;
  }

  /** Free text: identifiers seen in the reports, and @mentions of accounts outside the roster. */
  private String text(String text) {
    String out = text;
    List<String> keys = new ArrayList<>(seen.keySet());
    keys.sort(
        Comparator.comparingInt(String::length)
            .reversed()
            .thenComparing(Comparator.naturalOrder()));
    for (String k : keys) {
      // Whole tokens only: a post id 123 must not change likes='1234'.
      out =
          out.replaceAll(
              "(?<![\\p{L}\\p{N}_.@-])" + Pattern.quote(k) + "(?![\\p{L}\\p{N}_-])",
              Matcher.quoteReplacement(seen.get(k)));
    }
    Matcher m = MENTION.matcher(out);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String handle = m.group(1);
      boolean known = Platforms.ALL.stream().anyMatch(platform -> inRoster(platform, handle));
      m.appendReplacement(
          b,
          Matcher.quoteReplacement(
              known ? m.group() : "@" + pseudonym("mention:" + Handles.normalise(handle))));
    }
    m.appendTail(b);
    return b.toString();
  }

  /** Rewrites the reports in the folder in place. */
  void apply(Path folder) throws IOException {
    rewrite(folder.resolve(Report.POSTS_ATTRIBUTED.file()), this::author);
    rewrite(
        folder.resolve(Report.TOP_POSTS_WEEKLY.file()),
        (h, c) -> {
          if (!inRoster(c.get(h.indexOf("platform")), c.get(h.indexOf("handle")))) {
            // A link to a private person's post names them: dropped, like their handle.
            c.set(h.indexOf("url"), "");
          }
          author(h, c);
        });
    rewrite(
        folder.resolve(Report.CHANNEL_GROWTH.file()),
        (h, c) -> {
          c.set(
              h.indexOf("handle"),
              handle(c.get(h.indexOf("platform")), c.get(h.indexOf("handle"))));
        });
    rewrite(
        folder.resolve(Report.REJECTS.file()),
        (h, c) -> {
          c.set(h.indexOf("reason"), text(c.get(h.indexOf("reason"))));
          c.set(h.indexOf("record"), pseudonym("record:" + c.get(h.indexOf("record"))));
        });
  }

  /** A post row's post_id and handle, when its author is outside the roster. */
  private void author(List<String> header, List<String> cells) {
    String platform = cells.get(header.indexOf("platform"));
    String handle = cells.get(header.indexOf("handle"));
    cells.set(
        header.indexOf("post_id"), postId(platform, handle, cells.get(header.indexOf("post_id"))));
    cells.set(header.indexOf("handle"), handle(platform, handle));
  }

  private interface RowEdit {
    void edit(List<String> header, List<String> cells);
  }

  /** Parses a report, edits each row, writes it back in the same order and quoting. */
  private static void rewrite(Path file, RowEdit edit) throws IOException {
    List<CsvRecords.CsvRecord> records =
        CsvRecords.parse(Files.readString(file, StandardCharsets.UTF_8), ',');
    if (records.isEmpty()) {
      return;
    }
    List<String> header = records.get(0).fields;
    Path tmp = file.resolveSibling("." + file.getFileName() + ".pseudonymised");
    try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      List<ReportRow> rows = new ArrayList<>();
      for (CsvRecords.CsvRecord r : records.subList(1, records.size())) {
        List<String> cells = new ArrayList<>(r.fields);
        edit.edit(header, cells);
        rows.add(
            ReportRow.create(List.of(String.format(Locale.ROOT, "%012d", rows.size())), cells));
      }
      CsvFiles.write(out, header, rows);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
  }
}
