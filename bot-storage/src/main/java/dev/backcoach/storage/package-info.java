/** Persistence for BackCoach; the JDBC stores arrive with the durable-state work. */
package dev.backcoach.storage;
