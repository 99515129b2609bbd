program implicit_demo
  ! no "implicit none": names starting with I..N are INTEGER, all others REAL
  k = 7 / 2
  x = 7 / 2
  y = 7 / 2.0
  index = 5.99
  mean = -3.99
  total = 9 / 2 * 2
  rate = 1 / 4 * 100
  nrate = 100 * 1 / 4
  value = 2 ** (-1)
  power = 2.0 ** (-1)

  print '(I0)', k
  print '(F5.2)', x
  print '(F5.2)', y
  print '(I0,1X,I0)', index, mean
  print '(F6.1)', total
  print '(F6.1,1X,I0)', rate, nrate
  print '(F4.1,1X,F4.1)', value, power
end program implicit_demo
