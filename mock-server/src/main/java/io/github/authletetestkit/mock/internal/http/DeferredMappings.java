package io.github.authletetestkit.mock.internal.http;

import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.common.Lazy;
import com.github.tomakehurst.wiremock.standalone.JsonFileMappingsSource;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * WireMock's stub files ({@code mappings/} under the file root), with WireMock's own {@link JsonFileMappingsSource}
 * made only when there is something to load or a stub is saved or removed. Making it compiles a Handlebars
 * file-name template, about a tenth of a cold start, which a mock without a {@code mappings/} directory (the
 * default: no file root at all) never needs at start.
 */
public final class DeferredMappings implements MappingsSource {

    private final FileSource directory;
    private final Lazy<MappingsSource> source;

    /** The stubs under {@code root/mappings}, as WireMock reads and writes them by default. */
    public static DeferredMappings under(FileSource root) {
        FileSource directory = root.child("mappings");
        return new DeferredMappings(directory, () -> new JsonFileMappingsSource(directory, null));
    }

    DeferredMappings(FileSource directory, Supplier<MappingsSource> source) {
        this.directory = directory;
        this.source = Lazy.lazy(source);
    }

    @Override
    public void loadMappingsInto(StubMappings stubMappings) {
        // WireMock's source loads nothing from a directory that does not exist either
        if (directory.exists()) {
            source().loadMappingsInto(stubMappings);
        }
    }

    @Override
    public void save(List<StubMapping> stubMappings) {
        source().save(stubMappings);
    }

    @Override
    public void save(StubMapping stubMapping) {
        source().save(stubMapping);
    }

    @Override
    public void remove(StubMapping stubMapping) {
        source().remove(stubMapping);
    }

    @Override
    public void remove(UUID stubMappingId) {
        source().remove(stubMappingId);
    }

    @Override
    public void removeAll() {
        source().removeAll();
    }

    private MappingsSource source() {
        return source.get();
    }
}
