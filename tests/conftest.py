from newsclean.fixtures.pytest_plugin import corpus_tests

pytest_collect_file = corpus_tests("../corpus")  # one test per page of corpus/
