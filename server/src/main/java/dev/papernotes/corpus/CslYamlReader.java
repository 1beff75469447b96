package dev.papernotes.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * CSL-YAML ({@code .yaml}, {@code .yml}): a {@code references:} list of CSL items, as pandoc reads
 * it and Better BibTeX writes it (a bare list of items is read too). Read from snakeyaml-engine's
 * event stream, one item at a time, so the file is streamed and each item knows its line. YAML
 * cannot be resynchronised after a syntax error: the items before it are kept, and the warning
 * names the line.
 */
final class CslYamlReader implements CorpusReader {
    static final CslYamlReader INSTANCE = new CslYamlReader();
    private static final int MAX_DEPTH = 64;

    private CslYamlReader() {
    }

    @Override
    public void read(Path file, InputStream in, Consumer<CorpusEntry> entries, Consumer<CorpusWarning> warnings)
            throws IOException {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file.getFileName() == null ? "yaml" : file.getFileName().toString())
                .setCodePointLimit(Integer.MAX_VALUE)
                .setAllowDuplicateKeys(true)
                .build();
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        Items items = new Items(file, entries, warnings);
        Iterator<Event> events = new Parse(settings).parseReader(reader).iterator();
        try {
            items.stream(events);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(items.lastLine);
            warnings.accept(new CorpusWarning(file, line, "YAML error (" + oneLine(e.getProblem())
                    + "); the rest of the file is skipped"));
        } catch (YamlEngineException e) {
            warnings.accept(new CorpusWarning(file, items.lastLine, "YAML error (" + oneLine(e.getMessage())
                    + "); the rest of the file is skipped"));
        }
        if (!items.sawAny) {
            warnings.accept(new CorpusWarning(file, 1, items.sawReferences
                    ? "no items: the references list is empty"
                    : "no CSL items found (expected a 'references:' list)"));
        }
    }

    private static String oneLine(String s) {
        String m = String.valueOf(s).strip().replaceAll("\\s+", " ");
        return m.length() > 120 ? m.substring(0, 117) + "..." : m;
    }

    private static final class Items {
        private final Path file;
        private final Consumer<CorpusEntry> entries;
        private final Consumer<CorpusWarning> warnings;
        private final Map<String, Integer> handles = new HashMap<>();
        int lastLine = 1;
        boolean sawAny;
        boolean sawReferences;

        Items(Path file, Consumer<CorpusEntry> entries, Consumer<CorpusWarning> warnings) {
            this.file = file;
            this.entries = entries;
            this.warnings = warnings;
        }

        void stream(Iterator<Event> events) {
            while (events.hasNext()) {
                Event e = next(events);
                switch (e.getEventId()) {
                    case MappingStart -> topMapping(events);
                    case SequenceStart -> {
                        sawReferences = true;
                        itemList(events);
                    }
                    case Scalar, Alias -> {
                    }
                    default -> {
                    }
                }
            }
        }

        /** A document that is a mapping: its {@code references} list holds the items. */
        private void topMapping(Iterator<Event> events) {
            while (events.hasNext()) {
                Event key = next(events);
                if (key.getEventId() == Event.ID.MappingEnd) {
                    return;
                }
                String name = key instanceof ScalarEvent s ? s.getValue() : "";
                if (key.getEventId() != Event.ID.Scalar) {
                    skip(events, key);
                }
                Event value = next(events);
                if (name.equals("references") && value.getEventId() == Event.ID.SequenceStart) {
                    sawReferences = true;
                    itemList(events);
                } else {
                    skip(events, value);
                }
            }
        }

        private void itemList(Iterator<Event> events) {
            while (events.hasNext()) {
                Event e = next(events);
                if (e.getEventId() == Event.ID.SequenceEnd) {
                    return;
                }
                int line = line(e);
                Object value = value(events, e, 0);
                if (value instanceof Map<?, ?> item) {
                    accept(item, line);
                } else {
                    warnings.accept(new CorpusWarning(file, line, "not a CSL item (an item is a mapping); skipped"));
                }
            }
        }

        private void accept(Map<?, ?> item, int line) {
            CorpusEntry e = CslItems.toEntry(file, line, item);
            if (e == null) {
                String id = CslItems.text(item.get("id"));
                warnings.accept(new CorpusWarning(file, line, "item" + (id.isEmpty() ? "" : " '" + id + "'")
                        + " has no title; skipped"));
                return;
            }
            sawAny = true;
            String handle = e.occurrence().handle().isEmpty() ? "line" + line : e.occurrence().handle();
            Integer first = handles.putIfAbsent(handle, line);
            if (first != null) {
                warnings.accept(new CorpusWarning(file, line, "duplicate id '" + handle + "' (first at line "
                        + first + ")"));
                handle = handle + "#" + line;
            }
            if (!handle.equals(e.occurrence().handle())) {
                e = new CorpusEntry(e.title(), e.abstractText(), new Occurrence(file, line, "", handle), e.metadata());
            }
            entries.accept(e);
        }

        /** The plain value a node's events make: maps, lists and strings. */
        private Object value(Iterator<Event> events, Event first, int depth) {
            switch (first.getEventId()) {
                case Scalar -> {
                    return ((ScalarEvent) first).getValue();
                }
                case MappingStart -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    while (events.hasNext()) {
                        Event k = next(events);
                        if (k.getEventId() == Event.ID.MappingEnd) {
                            return map;
                        }
                        Object key = value(events, k, depth + 1);
                        Event v = next(events);
                        Object val = depth >= MAX_DEPTH ? skipped(events, v) : value(events, v, depth + 1);
                        if (key != null) {
                            map.putIfAbsent(String.valueOf(key), val);
                        }
                    }
                    return map;
                }
                case SequenceStart -> {
                    List<Object> list = new ArrayList<>();
                    while (events.hasNext()) {
                        Event v = next(events);
                        if (v.getEventId() == Event.ID.SequenceEnd) {
                            return list;
                        }
                        list.add(depth >= MAX_DEPTH ? skipped(events, v) : value(events, v, depth + 1));
                    }
                    return list;
                }
                default -> {
                    return null; // aliases and anything else: no value
                }
            }
        }

        private Object skipped(Iterator<Event> events, Event first) {
            skip(events, first);
            return null;
        }

        /** Consumes the rest of the node that {@code first} starts. */
        private void skip(Iterator<Event> events, Event first) {
            Event.ID id = first.getEventId();
            if (id != Event.ID.MappingStart && id != Event.ID.SequenceStart) {
                return;
            }
            int depth = 1;
            while (depth > 0 && events.hasNext()) {
                Event.ID e = next(events).getEventId();
                if (e == Event.ID.MappingStart || e == Event.ID.SequenceStart) {
                    depth++;
                } else if (e == Event.ID.MappingEnd || e == Event.ID.SequenceEnd) {
                    depth--;
                }
            }
        }

        private Event next(Iterator<Event> events) {
            Event e = events.next();
            int l = line(e);
            if (l > 0) {
                lastLine = l;
            }
            return e;
        }

        private static int line(Event e) {
            return e.getStartMark().map(Mark::getLine).orElse(-1) + 1;
        }
    }
}
