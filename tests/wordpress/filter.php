<?php
// WordPress's own oEmbed filter, as WordPress runs it on the answer of a provider it discovered
// (not one of its trusted providers): `php filter.php WORDPRESS URL < answer.json` prints the
// HTML that WordPress keeps of the answer's `html` for the article at URL, or nothing when it
// keeps nothing. WORDPRESS is the folder of WordPress's files (Debian's package, unpacked by
// scripts/install-tools.sh). The filter needs no database: the options it reads are given by
// their `pre_option_` filters, and the secret it makes is fixed, so that the output is the same
// on every run.
define('ABSPATH', $argv[1] . '/');
define('WPINC', 'wp-includes');

function home_url($path = '', $scheme = null) {
    return 'https://blog.example' . $path;
}

function wp_generate_password($length = 12, $special_chars = true, $extra_special_chars = false) {
    return 'Ab12Cd34Ef';
}

foreach (['load.php', 'plugin.php'] as $file) {
    require_once ABSPATH . WPINC . '/' . $file;
}
foreach (['blog_charset' => 'UTF-8', 'home' => 'https://blog.example', 'siteurl' => 'https://blog.example'] as $name => $value) {
    add_filter("pre_option_$name", fn() => $value);
}
foreach (['functions.php', 'formatting.php', 'kses.php', 'http.php', 'class-wp-oembed.php', 'embed.php'] as $file) {
    require_once ABSPATH . WPINC . '/' . $file;
}

$answer = json_decode(stream_get_contents(STDIN));
$kept = wp_filter_oembed_result($answer->html, $answer, $argv[2]);
echo $kept === false ? '' : $kept;
