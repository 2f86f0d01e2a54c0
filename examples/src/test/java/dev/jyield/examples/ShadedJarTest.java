package dev.jyield.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The jyield jar carries its own ASM, relocated into module dev.jyield and not exported: no run-time dependency. */
class ShadedJarTest {
    private static final Set<String> ASM_PACKAGES = Set.of("dev.jyield.internal.asm",
            "dev.jyield.internal.asm.signature", "dev.jyield.internal.asm.tree",
            "dev.jyield.internal.asm.tree.analysis");

    @Test
    void theModuleContainsTheRelocatedAsmAndRequiresNothingButJavaBase() throws Exception {
        ModuleDescriptor d = ModuleFinder.of(Path.of(ChildJvm.library())).find("dev.jyield").orElseThrow().descriptor();
        assertEquals(Set.of("java.base"),
                d.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()));
        assertEquals(Set.of("dev.jyield"),
                d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        assertTrue(d.packages().containsAll(ASM_PACKAGES), () -> "packages " + d.packages());
        assertTrue(d.opens().isEmpty(), () -> "opens " + d.opens());
    }

    @Test
    void onTheModulePathTheRelocatedAsmRunsInsideTheModuleAndStaysHidden() throws Exception {
        // A layer of its own, as the module path would resolve it.
        ModuleFinder finder = ModuleFinder.of(Path.of(ChildJvm.library()));
        Configuration cf = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), Set.of("dev.jyield"));
        ModuleLayer.Controller layer = ModuleLayer.defineModulesWithOneLoader(cf, List.of(ModuleLayer.boot()),
                ClassLoader.getPlatformClassLoader());
        Module jyield = layer.layer().findModule("dev.jyield").orElseThrow();
        for (String pkg : ASM_PACKAGES) {
            assertFalse(jyield.isExported(pkg), pkg);
            assertFalse(jyield.isOpen(pkg), pkg);
        }
        ClassLoader loader = layer.layer().findLoader("dev.jyield");
        for (String name : List.of("dev.jyield.internal.asm.tree.ClassNode",
                "dev.jyield.internal.asm.tree.analysis.Analyzer")) {
            assertEquals(jyield, loader.loadClass(name).getModule(), name);
        }
        // Opened to this test only (the layer's owner may): the module's ClassReader reads a class file of release 21.
        layer.addOpens(jyield, "dev.jyield.internal.asm", ShadedJarTest.class.getModule());
        Class<?> reader = loader.loadClass("dev.jyield.internal.asm.ClassReader");
        assertEquals(jyield, reader.getModule());
        byte[] tour;
        try (var in = Tour.class.getResourceAsStream("Tour.class")) {
            tour = in.readAllBytes();
        }
        Object read = reader.getConstructor(byte[].class).newInstance((Object) tour);
        assertEquals("dev/jyield/examples/Tour", reader.getMethod("getClassName").invoke(read));
    }

    @Test
    void theJarHasNoOtherAsmAndKeepsItsLicense() throws Exception {
        try (JarFile jar = new JarFile(ChildJvm.library())) {
            List<String> foreign = new ArrayList<>();
            for (JarEntry e : jar.stream().toList()) {
                if (e.getName().startsWith("org/") || e.getName().endsWith("module-info.class")
                        && !e.getName().equals("module-info.class")) {
                    foreign.add(e.getName());
                }
            }
            assertEquals(List.of(), foreign);
            String license = new String(jar.getInputStream(jar.getEntry("META-INF/LICENSE-asm.txt")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(license.contains("Copyright (c) 2000-2011 INRIA, France Telecom"), license);
            assertTrue(license.contains("Redistribution and use in source and binary forms"), license);
        }
    }

    /**
     * A first body loads some 110 classes of this jar; inflating them was about a seventh of its first next(), so
     * the build stores them, and keeps the manifest first, where the JDK's jar tool puts it.
     */
    @Test
    void itsEntriesAreStoredAndTheManifestComesFirst() throws Exception {
        try (JarFile jar = new JarFile(ChildJvm.library())) {
            List<String> compressed = new ArrayList<>();
            int classes = 0;
            for (JarEntry e : jar.stream().toList()) {
                if (e.getMethod() != JarEntry.STORED) {
                    compressed.add(e.getName());
                }
                classes += e.getName().endsWith(".class") ? 1 : 0;
            }
            assertEquals(List.of(), compressed);
            int found = classes;
            assertTrue(found > 200, () -> "classes " + found);
            assertTrue(jar.getManifest() != null);
        }
        try (var in = new java.util.jar.JarInputStream(new java.io.FileInputStream(ChildJvm.library()))) {
            assertTrue(in.getManifest() != null, "the manifest is among the first entries");
        }
    }

    @Test
    void itsPomDeclaresNoRunTimeDependency() throws Exception {
        try (JarFile jar = new JarFile(ChildJvm.library())) {
            JarEntry pom = jar.getJarEntry("META-INF/maven/dev.jyield/jyield/pom.xml");
            Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(jar.getInputStream(pom)).getDocumentElement();
            List<String> runTime = new ArrayList<>();
            NodeList sections = project.getChildNodes();
            for (int i = 0; i < sections.getLength(); i++) {
                if (sections.item(i) instanceof Element s && s.getTagName().equals("dependencies")) {
                    NodeList deps = s.getElementsByTagName("dependency");
                    for (int j = 0; j < deps.getLength(); j++) {
                        Element dep = (Element) deps.item(j);
                        if (!text(dep, "scope").equals("test")) {
                            runTime.add(text(dep, "groupId") + ":" + text(dep, "artifactId"));
                        }
                    }
                }
            }
            assertEquals(List.of(), runTime);
        }
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
