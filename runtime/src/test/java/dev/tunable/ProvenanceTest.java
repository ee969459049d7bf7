package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provenance helpers: the git commit read from a clone's files, a data set's SHA-256. */
class ProvenanceTest {
  private static final String A = "0123456789abcdef0123456789abcdef01234567";
  private static final String B = "fedcba9876543210fedcba9876543210fedcba98";

  @TempDir Path directory;

  private Path clone(String head) throws IOException {
    Path git = Files.createDirectories(directory.resolve("clone/.git"));
    Files.writeString(git.resolve("HEAD"), head + "\n");
    return Files.createDirectories(directory.resolve("clone/src/main"));
  }

  @Test
  void aLooseRefIsFoundFromASubfolder() throws IOException {
    Path inside = clone("ref: refs/heads/main");
    Path ref = Files.createDirectories(directory.resolve("clone/.git/refs/heads"));
    Files.writeString(ref.resolve("main"), A + "\n");
    assertEquals(new Provenance("git commit", A), Provenance.gitCommit(inside));
  }

  @Test
  void aPackedRefIsFound() throws IOException {
    Path inside = clone("ref: refs/heads/main");
    Files.writeString(directory.resolve("clone/.git/packed-refs"),
        "# pack-refs with: peeled fully-peeled sorted\n"
            + B + " refs/heads/mainline\n"
            + A + " refs/heads/main\n"
            + "^" + B + "\n");
    assertEquals(A, Provenance.gitCommit(inside).value());
  }

  @Test
  void aDetachedHeadIsItsCommit() throws IOException {
    assertEquals(B, Provenance.gitCommit(clone(B)).value());
  }

  @Test
  void aWorktreeFollowsItsGitdirAndCommonFolder() throws IOException {
    Path main = Files.createDirectories(directory.resolve("main/.git"));
    Path heads = Files.createDirectories(main.resolve("refs/heads"));
    Files.writeString(heads.resolve("topic"), B + "\n");
    Path admin = Files.createDirectories(main.resolve("worktrees/topic"));
    Files.writeString(admin.resolve("HEAD"), "ref: refs/heads/topic\n");
    Files.writeString(admin.resolve("commondir"), "../..\n");
    Path worktree = Files.createDirectories(directory.resolve("topic"));
    Files.writeString(worktree.resolve(".git"), "gitdir: " + admin + "\n");
    assertEquals(B, Provenance.gitCommit(worktree).value());
  }

  @Test
  void theCloneThisTestRunsFromIsRead() {
    // The build runs in a git clone or worktree: its commit is 40 hex digits
    assertTrue(Provenance.gitCommit().value().matches("[0-9a-f]{40}"),
        Provenance.gitCommit().value());
  }

  @Test
  void noCloneIsAClearError() throws IOException {
    Path outside = Files.createDirectories(directory.resolve("plain"));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Provenance.gitCommit(outside));
    assertTrue(e.getMessage().startsWith("no git clone holds " + outside), e.getMessage());
  }

  @Test
  void aBranchWithoutACommitIsAClearError() throws IOException {
    Path inside = clone("ref: refs/heads/new");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Provenance.gitCommit(inside));
    assertTrue(e.getMessage().endsWith("is on refs/heads/new, which has no commit yet"),
        e.getMessage());
  }

  /** The known SHA-256 of "abc" (FIPS 180-2, appendix B.1). */
  @Test
  void aFilesHashIsTheSha256OfItsBytes() throws IOException {
    Path file = Files.writeString(directory.resolve("data.csv"), "abc");
    assertEquals(new Provenance("sha256 " + file,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        Provenance.sha256(file));
  }

  /**
   * The expected hash was computed by Python's hashlib over the documented form: for each file in
   * path order, its relative path, a zero byte, its size as 8 big-endian bytes, its bytes.
   */
  @Test
  void aFoldersHashCoversItsFilesPathsAndBytes() throws IOException {
    Path data = Files.createDirectories(directory.resolve("data/sub"));
    Files.write(data.resolve("b.bin"), new byte[] {0, 1, 2});
    Files.writeString(directory.resolve("data/a.txt"), "abc");
    Path folder = directory.resolve("data");
    String hash = Provenance.sha256(folder).value();
    assertEquals("36a925f0763cf82b59889c40ffa0ae34fce4e6df0a2dc75b5388a898c198ef15", hash);
    Files.move(folder.resolve("a.txt"), folder.resolve("c.txt"));
    assertNotEquals(hash, Provenance.sha256(folder).value(), "a renamed file changes the hash");
  }

  @Test
  void aMissingPathIsAClearError() {
    Path missing = directory.resolve("missing.csv");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Provenance.sha256(missing));
    assertEquals("cannot hash " + missing.toAbsolutePath() + ": it is neither a file nor a folder",
        e.getMessage());
  }
}
