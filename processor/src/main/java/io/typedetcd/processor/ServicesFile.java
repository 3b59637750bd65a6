package io.typedetcd.processor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * {@code META-INF/services/io.typedetcd.repository.RepositoryProvider}, written once when
 * processing is over, merged with the entries already there (an incremental build that recompiles
 * only some repositories keeps the others).
 */
final class ServicesFile {
  static final String PATH = "META-INF/services/io.typedetcd.repository.RepositoryProvider";

  private ServicesFile() {}

  /**
   * Writes the file.
   *
   * @param stillExists whether an entry from an earlier build names a class that still exists;
   *     entries of deleted repositories are dropped, else ServiceLoader would fail on them
   */
  static void write(
      Filer filer,
      Collection<String> providers,
      List<Element> originating,
      Predicate<String> stillExists)
      throws IOException {
    SortedSet<String> all = new TreeSet<>(providers);
    existing(filer).stream().filter(stillExists).forEach(all::add);
    FileObject file =
        filer.createResource(
            StandardLocation.CLASS_OUTPUT, "", PATH, originating.toArray(new Element[0]));
    try (Writer w = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
      for (String provider : all) {
        w.write(provider);
        w.write('\n');
      }
    }
  }

  private static SortedSet<String> existing(Filer filer) {
    SortedSet<String> entries = new TreeSet<>();
    try {
      FileObject old = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(old.openInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          String entry = line.replaceAll("#.*", "").trim();
          if (!entry.isEmpty()) {
            entries.add(entry);
          }
        }
      }
    } catch (IOException | IllegalArgumentException noneYet) {
      // No earlier file (or the filer cannot read it back): nothing to merge.
    }
    return entries;
  }
}
