// Metrics of a generated reply against its reference, each in [0, 1]:
//   exactMatch            the texts are equal once surrounding whitespace is trimmed
//   normalizedExactMatch  equal after normalize(): NFC, lower case, punctuation dropped, the
//                         English articles a/an/the dropped, whitespace runs collapsed
//   tokenF1               harmonic mean of precision and recall of the normalised words (as a
//                         multiset: SQuAD's F1)
//   rougeL                F1 of the longest common subsequence of the normalised words
//   chrF                  character n-grams (n = 1..6, whitespace removed) of the texts as they
//                         are: per order the F-beta (beta = 2) of precision and recall, averaged
//                         over the orders both texts have
// Two empty texts agree fully (1); one empty text against a non-empty one scores 0.
#pragma once
#include <string>
#include <vector>

namespace ft::eval {

std::string normalize(const std::string& text);
std::vector<std::string> normalizedWords(const std::string& text);

double exactMatch(const std::string& prediction, const std::string& reference);
double normalizedExactMatch(const std::string& prediction, const std::string& reference);
double tokenF1(const std::string& prediction, const std::string& reference);
double rougeL(const std::string& prediction, const std::string& reference);
double chrF(const std::string& prediction, const std::string& reference, int maxOrder = 6, double beta = 2.0);

} // namespace ft::eval
