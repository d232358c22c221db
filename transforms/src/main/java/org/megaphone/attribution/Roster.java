package org.megaphone.attribution;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.coders.ListCoder;
import org.megaphone.model.Account;
import org.megaphone.read.InputException;
import org.megaphone.read.TableFiles;
import org.megaphone.rules.CodePoints;
import org.megaphone.rules.Words;

/**
 * The validated roster: accounts by (platform, handle), entities with their display attributes, and
 * the contract's Mentions rule (section 4). Immutable once built; used as a side input.
 */
public final class Roster implements Serializable {

  /** An entity: who gets the credit, with the attributes the reports show. */
  public record Entity(String id, String name, String role, String cohort, String municipality)
      implements Serializable {}

  private record Phrase(String entityId, List<String> words) implements Serializable {}

  private static final Pattern AT_HANDLE = Pattern.compile("@([\\p{L}\\p{N}_.]+)");

  /** The rows it was built from, in file and line order: its identity. */
  private final List<Account> rows;

  private final Map<String, Account> accounts;
  private final Map<String, Entity> entities;

  /** Phrases (entity names and aliases, as words) indexed by their first word. */
  private final Map<String, List<Phrase>> phrasesByFirstWord;

  private Roster(
      List<Account> rows,
      Map<String, Account> accounts,
      Map<String, Entity> entities,
      Map<String, List<Phrase>> phrasesByFirstWord) {
    this.rows = rows;
    this.accounts = accounts;
    this.entities = entities;
    this.phrasesByFirstWord = phrasesByFirstWord;
  }

  /**
   * Validates and indexes the roster. Rows are taken in file, then line order, so the first
   * non-empty display attribute wins (contract copy, D13).
   *
   * @throws InputException naming files and lines when a (platform, handle) repeats or an entity
   *     has two roles
   */
  public static Roster of(List<Account> rows) {
    List<Account> sorted = new ArrayList<>(rows);
    sorted.sort(
        Comparator.comparing((Account a) -> a.getSource().getFile(), CodePoints.ORDER)
            .thenComparingLong(a -> a.getSource().getLine()));
    List<String> errors = new ArrayList<>();
    Map<String, Account> accounts = new HashMap<>();
    Map<String, Account> firstOfEntity = new LinkedHashMap<>();
    // Each entity's accounts in file and line order: one pass, not one pass per entity (that was
    // quadratic in the roster, a second for 6,000 accounts).
    Map<String, List<Account>> byEntity = new HashMap<>();
    for (Account a : sorted) {
      byEntity.computeIfAbsent(a.getEntityId(), e -> new ArrayList<>()).add(a);
      Account previous = accounts.putIfAbsent(key(a.getPlatform(), a.getHandle()), a);
      if (previous != null) {
        errors.add(
            "duplicate account "
                + a.getPlatform()
                + " @"
                + a.getHandle()
                + " at "
                + where(previous)
                + " and "
                + where(a));
      }
      Account first = firstOfEntity.putIfAbsent(a.getEntityId(), a);
      if (first != null && !first.getRole().equals(a.getRole())) {
        errors.add(
            "entity "
                + a.getEntityId()
                + " has role "
                + first.getRole()
                + " at "
                + where(first)
                + " and role "
                + a.getRole()
                + " at "
                + where(a));
      }
    }
    if (!errors.isEmpty()) {
      throw new InputException(
          "invalid roster: "
              + String.join("; ", errors.subList(0, Math.min(5, errors.size())))
              + (errors.size() > 5 ? "; and " + (errors.size() - 5) + " more" : ""));
    }
    Map<String, Entity> entities = new HashMap<>();
    Map<String, List<Phrase>> phrases = new HashMap<>();
    for (String id : firstOfEntity.keySet()) {
      String name = null;
      String cohort = null;
      String municipality = null;
      Set<String> texts = new TreeSet<>();
      for (Account a : byEntity.get(id)) {
        name = name != null ? name : a.getEntityName();
        cohort = cohort != null ? cohort : a.getCohort();
        municipality = municipality != null ? municipality : a.getMunicipality();
        texts.addAll(a.getAliases());
      }
      name = name != null ? name : id;
      texts.add(name);
      entities.put(id, new Entity(id, name, firstOfEntity.get(id).getRole(), cohort, municipality));
      for (String text : texts) {
        List<String> words = Words.of(text);
        if (!words.isEmpty()) {
          phrases.computeIfAbsent(words.get(0), w -> new ArrayList<>()).add(new Phrase(id, words));
        }
      }
    }
    return new Roster(List.copyOf(sorted), accounts, entities, phrases);
  }

  private static String where(Account a) {
    return a.getSource().getFile() + " line " + a.getSource().getLine();
  }

  private static String key(String platform, String handle) {
    return platform + ":" + handle;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Roster other && other.rows.equals(rows);
  }

  @Override
  public int hashCode() {
    return rows.hashCode();
  }

  /** The roster account of an author, or null when the author is not in the roster. */
  public Account account(String platform, String handle) {
    return accounts.get(key(platform, handle));
  }

  public Entity entity(String entityId) {
    return entities.get(entityId);
  }

  public boolean hasEntity(String entityId) {
    return entities.containsKey(entityId);
  }

  /**
   * Contract section 4, Mentions: the entities whose {@code @handle} on the post's platform, or
   * whose name or alias as whole words (ignoring case and diacritics), the text holds.
   */
  public Set<String> mentions(String platform, String text) {
    Set<String> found = new TreeSet<>();
    if (text == null || text.isEmpty()) {
      return found;
    }
    Matcher m = AT_HANDLE.matcher(text);
    while (m.find()) {
      String handle = m.group(1);
      int end = handle.length();
      while (end > 0 && handle.charAt(end - 1) == '.') {
        end--;
      }
      Account a = accounts.get(key(platform, handle.substring(0, end).toLowerCase(Locale.ROOT)));
      if (a != null) {
        found.add(a.getEntityId());
      }
    }
    List<String> words = Words.of(text);
    for (int i = 0; i < words.size(); i++) {
      List<Phrase> candidates = phrasesByFirstWord.get(words.get(i));
      if (candidates == null) {
        continue;
      }
      for (Phrase p : candidates) {
        if (!found.contains(p.entityId()) && Words.phraseAt(words, i, p.words())) {
          found.add(p.entityId());
        }
      }
    }
    return found;
  }

  /**
   * A roster travels in a job (and in a side input's coder) as its account rows only, encoded by
   * their coder, and is rebuilt where it arrives: 6 MB instead of 19 MB of Java serialization at
   * 60,000 accounts. Every copy that arrives in one JVM with the same rows is the same instance,
   * not one per step and worker (each held the whole roster).
   */
  private Object writeReplace() throws ObjectStreamException {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ListCoder.of(Account.WireCoder.INSTANCE).encode(rows, bytes);
      return new Rows(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final Map<String, WeakReference<Roster>> ARRIVED = new ConcurrentHashMap<>();

  /** The serialized form of a roster: its rows. */
  // Only ever serialized and resolved, never compared or printed, so the array's identity-based
  // equals/hashCode/toString in the record do not matter; a class instead of the record would
  // change the serialized form.
  @SuppressWarnings("ArrayRecordComponent")
  private record Rows(byte[] encoded) implements Serializable {
    private Object readResolve() throws ObjectStreamException {
      String digest = TableFiles.sha256(encoded);
      WeakReference<Roster> known = ARRIVED.get(digest);
      Roster roster = known == null ? null : known.get();
      if (roster == null) {
        try {
          roster =
              Roster.of(
                  ListCoder.of(Account.WireCoder.INSTANCE)
                      .decode(new ByteArrayInputStream(encoded)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        ARRIVED.put(digest, new WeakReference<>(roster));
      }
      return roster;
    }
  }
}
