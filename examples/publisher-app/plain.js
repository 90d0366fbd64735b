// Importing the package defines <reader-widget>; Vite copies its WebAssembly and module into the
// build beside this page's script, where the package finds them.
import "reader-widget";
