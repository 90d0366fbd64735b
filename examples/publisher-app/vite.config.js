// The app's Vite configuration: one page per example, React's JSX through Vite's own esbuild
// (no plugin needed), and Vue told that <reader-widget> is a custom element, not a component.
import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vite";

export default defineConfig({
  // Relative URLs in the built pages, so the app works from any folder.
  base: "./",
  esbuild: { jsx: "automatic" },
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === "reader-widget" } } })],
  build: {
    rollupOptions: {
      input: ["index.html", "plain.html", "react.html", "react-hydrated.html", "vue.html"],
    },
  },
});
