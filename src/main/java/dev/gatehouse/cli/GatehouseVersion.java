package dev.gatehouse.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "development build" when run from classes. */
final class GatehouseVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = GatehouseVersion.class.getPackage().getImplementationVersion();
        return new String[]{"Gatehouse " + (version == null ? "development build" : version)};
    }
}
