"""The formats newsdoc reads and writes, one module or package per format."""
