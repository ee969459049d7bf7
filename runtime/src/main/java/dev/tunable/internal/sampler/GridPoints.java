package dev.tunable.internal.sampler;

import dev.tunable.Condition;
import dev.tunable.Dimension;
import dev.tunable.SearchSpace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The points of a grid over a space, numbered from 0: each dimension's grid values, and only the
 * configurations a space allows, so a conditional space has no two points that differ only in an
 * inactive dimension. A value of a choice carries the grid of the dimensions it activates, and the
 * points of a dimension are those of its values, each times the points of its branch; without
 * conditions this is the mixed-radix order of the plain product grid, the last dimension changing
 * fastest.
 *
 * <p>Immutable.
 */
final class GridPoints {
  private final List<String> names;
  /** Each dimension's grid values, in stored form. */
  private final List<List<Object>> axes;
  private final List<Map<Object, Integer>> positions;
  /** The dimensions that always are active, in order. */
  private final int[] roots;
  /** {@code children[d][k]}: the dimensions that value {@code k} of {@code d} makes active. */
  private final int[][][] children;
  /** The points of the subtree of each dimension: itself and all it may make active. */
  private final long[] counts;
  /** {@code offsets[d][k]}: the points of the subtree of {@code d} with a value below {@code k}. */
  private final long[][] offsets;
  private final long size;

  /**
   * @param values each dimension's grid values, as the dimension gives them
   * @param stored the same values in stored form, as trials hold them
   * @throws ArithmeticException if there are more than {@code Long.MAX_VALUE} points
   */
  GridPoints(SearchSpace<?> space, List<List<Object>> values, List<List<Object>> stored) {
    List<Dimension<?>> dimensions = space.dimensions();
    int n = dimensions.size();
    this.names = dimensions.stream().map(Dimension::name).toList();
    this.axes = stored;
    this.positions = new ArrayList<>();
    for (List<Object> axis : stored) {
      Map<Object, Integer> position = new HashMap<>();
      for (int i = 0; i < axis.size(); i++) {
        position.put(axis.get(i), i);
      }
      positions.add(position);
    }
    List<Integer> rootList = new ArrayList<>();
    List<List<List<Integer>>> childLists = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      List<List<Integer>> byValue = new ArrayList<>();
      for (int k = 0; k < values.get(d).size(); k++) {
        byValue.add(new ArrayList<>());
      }
      childLists.add(byValue);
      Condition condition = space.condition(names.get(d)).orElse(null);
      if (condition == null) {
        rootList.add(d);
        continue;
      }
      int parent = names.indexOf(condition.parent());
      for (int k = 0; k < values.get(parent).size(); k++) {
        if (condition.holdsFor(values.get(parent).get(k))) {
          childLists.get(parent).get(k).add(d);
        }
      }
    }
    this.roots = toArray(rootList);
    this.children = new int[n][][];
    this.counts = new long[n];
    this.offsets = new long[n][];
    // A dimension's children come after it: count from the last dimension back.
    for (int d = n - 1; d >= 0; d--) {
      int valueCount = values.get(d).size();
      children[d] = new int[valueCount][];
      offsets[d] = new long[valueCount + 1];
      for (int k = 0; k < valueCount; k++) {
        children[d][k] = toArray(childLists.get(d).get(k));
        offsets[d][k + 1] = Math.addExact(offsets[d][k], product(children[d][k]));
      }
      counts[d] = offsets[d][valueCount];
    }
    this.size = product(roots);
  }

  /** How many points the grid has. */
  long size() {
    return size;
  }

  /** The number of the point {@code params} stand for, or -1 if they are not a point of it. */
  long indexOf(Map<String, Object> params) {
    return indexOf(roots, params);
  }

  /** Point {@code index}, below {@link #size}: the values of its active dimensions, stored. */
  Map<String, Object> point(long index) {
    Map<String, Object> point = new LinkedHashMap<>();
    fill(roots, index, point);
    return point;
  }

  private long product(int[] dimensions) {
    long product = 1;
    for (int d : dimensions) {
      product = Math.multiplyExact(product, counts[d]);
    }
    return product;
  }

  /** The number, in mixed radix over {@code dimensions}' subtrees, of their values in params. */
  private long indexOf(int[] dimensions, Map<String, Object> params) {
    long index = 0;
    for (int d : dimensions) {
      Integer k = positions.get(d).get(params.get(names.get(d)));
      if (k == null) {
        return -1;
      }
      long inBranch = indexOf(children[d][k], params);
      if (inBranch < 0) {
        return -1;
      }
      index = index * counts[d] + offsets[d][k] + inBranch;
    }
    return index;
  }

  private void fill(int[] dimensions, long index, Map<String, Object> point) {
    long[] within = new long[dimensions.length];
    long rest = index;
    for (int j = dimensions.length - 1; j >= 0; j--) {
      within[j] = rest % counts[dimensions[j]];
      rest /= counts[dimensions[j]];
    }
    for (int j = 0; j < dimensions.length; j++) {
      int d = dimensions[j];
      int k = valueAt(offsets[d], within[j]);
      point.put(names.get(d), axes.get(d).get(k));
      fill(children[d][k], within[j] - offsets[d][k], point);
    }
  }

  /** The {@code k} with {@code offsets[k] <= index < offsets[k + 1]}, by bisection. */
  private static int valueAt(long[] offsets, long index) {
    int low = 0;
    int high = offsets.length - 2;
    while (low < high) {
      int middle = (low + high + 1) >>> 1;
      if (offsets[middle] <= index) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  }

  private static int[] toArray(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
