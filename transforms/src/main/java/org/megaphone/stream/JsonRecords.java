package org.megaphone.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.megaphone.model.Reject;
import org.megaphone.read.Row;
import org.megaphone.read.RowRejected;

/**
 * Records as JSON objects whose fields are the contract's column names (one post or one view
 * snapshot per record), as collectors publish them to Kafka; and report rows as JSON for a
 * dashboard to upsert.
 */
public final class JsonRecords {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonRecords() {}

  /**
   * A JSON object as a contract row: strings and numbers as their text, null as empty.
   *
   * @throws RowRejected when the text is not a JSON object of scalar values
   */
  public static Row row(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new RowRejected("malformed JSON record: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new RowRejected("malformed JSON record: not an object");
    }
    Map<String, String> values = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      JsonNode v = f.getValue();
      if (v.isContainerNode()) {
        throw new RowRejected("malformed JSON record: field " + f.getKey() + " is not a value");
      }
      values.put(f.getKey().strip().toLowerCase(Locale.ROOT), v.isNull() ? null : v.asText());
    }
    return Row.of(values);
  }

  /** A version of a report row as JSON: report, key, pane, sequence, whether it exists, cells. */
  public static String paneRow(PaneRow r, List<String> header) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("report", r.getReport());
    out.put("key", r.getKey());
    out.put("pane", r.getPane());
    out.put("sequence", r.getSequence());
    out.put("exists", r.getExists());
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < header.size() && i < r.getCells().size(); i++) {
      row.put(header.get(i), r.getCells().get(i));
    }
    out.put("row", row);
    return write(out);
  }

  /** A reject as JSON, for a dead-letter topic. */
  public static String reject(Reject r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("file", r.getFile());
    out.put("line", r.getLine());
    out.put("table", r.getTable());
    out.put("reason", r.getReason());
    out.put("record", r.getRecord());
    return write(out);
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
