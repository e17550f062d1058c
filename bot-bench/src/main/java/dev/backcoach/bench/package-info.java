/** JMH benchmarks for BackCoach; run with {@code java -jar bot-bench/target/benchmarks.jar}. */
package dev.backcoach.bench;
