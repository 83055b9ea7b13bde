package dev.gatehouse.domain.tenant;

/**
 * Test only: stands for a narrow writer port that has not landed yet, so UiArchitectureRulesTest can show that
 * views are kept from it by its package and name alone.
 */
public interface ArchFixtureWriter {

    void write();
}
