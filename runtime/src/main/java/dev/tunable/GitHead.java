package dev.tunable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The commit a git clone has checked out, read from its files rather than by running git (which a
 * machine that runs trials may not have): {@code HEAD}, a loose ref, or {@code packed-refs}.
 * Worktrees and submodules, whose {@code .git} is a file naming the real folder, are followed.
 */
final class GitHead {
  private static final String REF = "ref: ";

  private GitHead() {}

  /** The commit's hash for the clone that holds {@code directory}. */
  static String commit(Path directory) {
    Path start = directory.toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path dotGit = dir.resolve(".git");
      if (Files.exists(dotGit)) {
        try {
          return commitOf(gitDirectory(dotGit));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the git clone at " + dir, e);
        }
      }
    }
    throw new IllegalStateException("no git clone holds " + start
        + " (no .git found from it upwards); run from a clone, or give the code version with"
        + " new Provenance(\"code version\", ...)");
  }

  /** The git folder: {@code .git} itself, or the folder its {@code gitdir:} line names. */
  private static Path gitDirectory(Path dotGit) throws IOException {
    if (Files.isDirectory(dotGit)) {
      return dotGit;
    }
    String line = Files.readString(dotGit, StandardCharsets.UTF_8).trim();
    if (!line.startsWith("gitdir: ")) {
      throw new IllegalStateException(dotGit + " is neither a folder nor a 'gitdir:' file");
    }
    return dotGit.getParent().resolve(line.substring("gitdir: ".length()).trim()).normalize();
  }

  private static String commitOf(Path gitDir) throws IOException {
    String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).trim();
    if (!head.startsWith(REF)) {
      return head; // a detached HEAD holds the commit itself
    }
    String ref = head.substring(REF.length()).trim();
    // A worktree's own folder keeps HEAD; refs live in the common folder it names.
    Path common = gitDir;
    Path commonDir = gitDir.resolve("commondir");
    if (Files.exists(commonDir)) {
      common = gitDir.resolve(Files.readString(commonDir, StandardCharsets.UTF_8).trim())
          .normalize();
    }
    for (Path dir : List.of(gitDir, common)) {
      Path loose = dir.resolve(ref);
      if (Files.isRegularFile(loose)) {
        return Files.readString(loose, StandardCharsets.UTF_8).trim();
      }
    }
    Path packed = common.resolve("packed-refs");
    if (Files.isRegularFile(packed)) {
      for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
        // "<hash> <ref>"; lines starting '#' are comments and '^' peeled tags
        if (line.endsWith(" " + ref) && !line.startsWith("#") && !line.startsWith("^")) {
          return line.substring(0, line.indexOf(' '));
        }
      }
    }
    throw new IllegalStateException("the git clone at " + gitDir.getParent() + " is on " + ref
        + ", which has no commit yet");
  }
}
