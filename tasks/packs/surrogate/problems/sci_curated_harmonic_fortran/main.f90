program sums
  implicit none
  integer, parameter :: dp = kind(1.0d0)
  integer, parameter :: n = 1000000
  real(dp) :: harmonic, basel
  integer :: k

  harmonic = 0.0_dp
  basel = 0.0_dp
  do k = n, 1, -1
    harmonic = harmonic + 1.0_dp / k
    basel = basel + 1.0_dp / (real(k, dp) * k)
  end do
  print '(A, F12.8)', 'harmonic ', harmonic
  print '(A, F12.8)', 'basel    ', basel
end program sums
