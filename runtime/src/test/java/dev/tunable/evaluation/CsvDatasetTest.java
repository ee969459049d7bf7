package dev.tunable.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetTest {

  private static CsvDataset read(String text, String label) throws IOException {
    return CsvDataset.read(new StringReader(text), "data.csv", label);
  }

  private static String failure(String text, String label) {
    return assertThrows(IllegalArgumentException.class, () -> read(text, label)).getMessage();
  }

  @Test
  void splitsTheLabelColumnFromTheFeatures(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("small.csv");
    Files.writeString(file, "a,label,b\n1.5,1,-2\n\n3,0,4e-1\n");
    CsvDataset data = CsvDataset.read(file, "label");
    assertEquals(2, data.size());
    assertEquals(List.of("a", "b"), data.featureNames());
    assertEquals("label", data.labelName());
    assertArrayEquals(new double[] {1.5, -2}, data.features()[0]);
    assertArrayEquals(new double[] {3, 0.4}, data.features()[1]);
    assertArrayEquals(new double[] {1, 0}, data.labels());
    assertArrayEquals(new int[] {1, 0}, data.classes());
  }

  @Test
  void accessorsReturnCopies() throws IOException {
    CsvDataset data = read("x,y\n1,2\n", "y");
    data.features()[0][0] = 99;
    data.labels()[0] = 99;
    assertEquals(1, data.features()[0][0]);
    assertEquals(2, data.labels()[0]);
  }

  @Test
  void aRaggedRowIsNamedByItsLine() {
    assertEquals("data.csv line 3: 2 fields, but the header names 3 columns",
        failure("a,b,y\n1,2,0\n1,2\n", "y"));
    assertEquals("data.csv line 2: 4 fields, but the header names 3 columns",
        failure("a,b,y\n1,2,0,5\n", "y"));
  }

  @Test
  void aFieldThatIsNotANumberIsNamedByLineAndColumn() {
    assertEquals("data.csv line 3, column 2 ('b'): 'x7' is not a finite number",
        failure("a,b,y\n1,2,0\n1,x7,1\n", "y"));
    assertEquals("data.csv line 2, column 1 ('a'): '' is not a finite number",
        failure("a,b,y\n,2,0\n", "y"));
    assertEquals("data.csv line 2, column 3 ('y'): 'NaN' is not a finite number",
        failure("a,b,y\n1,2,NaN\n", "y"));
  }

  @Test
  void aMissingLabelColumnListsTheColumns() {
    assertEquals("data.csv line 1: no column 'target' to take the label from; the header names"
        + " [a, b, y]", failure("a,b,y\n1,2,0\n", "target"));
  }

  @Test
  void anEmptyFileNeedsAHeader() {
    assertEquals("data.csv line 1: expected a header line naming the columns, found an empty file",
        failure("", "y"));
  }

  @Test
  void classesRejectLabelsThatAreNotClassNumbers() throws IOException {
    CsvDataset data = read("x,y\n1,0\n2,1.5\n", "y");
    assertEquals("row 1 has label 1.5 in column 'y', which is not a class number (a whole number"
            + " from 0); use labels() for regression data",
        assertThrows(IllegalStateException.class, data::classes).getMessage());
  }
}
