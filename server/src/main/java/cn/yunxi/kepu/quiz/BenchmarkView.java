package cn.yunxi.kepu.quiz;

/** A 中国公民科学素质基准 benchmark (wording to be checked against the official text, see sql/V7__quiz.sql). */
record BenchmarkView(Integer benchmarkNo, String dimension, String name) {
}
