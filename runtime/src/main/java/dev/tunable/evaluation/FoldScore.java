package dev.tunable.evaluation;

/**
 * The score of one fold, handed to a {@link FoldListener} as soon as the fold is done.
 *
 * @param fold the fold's index, from 0: the step to report it at
 * @param score the fold's own score
 * @param meanSoFar the mean score of folds {@code 0 .. fold}; a pruner compares trials on this,
 *     which is steadier than a single fold's score
 * @since 0.1
 */
public record FoldScore(int fold, double score, double meanSoFar) {}
