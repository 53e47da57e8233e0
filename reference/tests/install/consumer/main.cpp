// Prints the notebook's first random tensor through an installed tensorlings.
#include <tl/tl.h>

#include <iostream>

int main() {
  tl::manual_seed(42);
  std::cout << tl::rand({3, 4}) << "\n";
}
