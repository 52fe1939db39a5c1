/**
 * The plain data of a hands-on lab: its definition (components, checks), the placeholders of its
 * workspace files, and the results of its checks. Parsing and running labs live in module {@code labs}.
 */
@NullMarked
package ladder.model.lab;

import org.jspecify.annotations.NullMarked;
