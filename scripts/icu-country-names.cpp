// Prints "ISO2<TAB>common name" for every ISO 3166-1 alpha-2 code read from stdin (one per line),
// using ICU/CLDR display names in the locale given as argv[1] (default "de").
// Built and run by scripts/gen-countries.py:
//   g++ -O1 -o icu-country-names icu-country-names.cpp $(pkg-config --cflags --libs icu-uc icu-i18n)
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    icu::Locale display(argc > 1 ? argv[1] : "de");
    std::string code;
    while (std::getline(std::cin, code)) {
        if (code.empty()) continue;
        icu::UnicodeString name;
        icu::Locale("", code.c_str()).getDisplayCountry(display, name);
        std::string utf8;
        name.toUTF8String(utf8);
        std::cout << code << '\t' << utf8 << '\n';
    }
    return 0;
}
