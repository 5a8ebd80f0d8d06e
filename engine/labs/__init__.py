"""The labs' Qt-free side: their maths (checked against autograd in the tests) and the lab-file
format. The windows in ``gui/labs`` draw what these compute."""
